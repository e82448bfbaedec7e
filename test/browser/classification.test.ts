import { BrowserSession, startBrowserSession } from '../helpers/browser';

/**
 * Classification questionnaires in the console, on the demo process (DOCKET_DEMO=1 loads the "Why is the
 * customer calling?" questionnaire that leads to the contract termination topic): the designer's page refuses
 * a tree that looks ahead, saying where; the operator walks the demo tree from the contact form, changes an
 * answer, and puts the suggested topic on the request.
 */
describe('classification questionnaires in the console', () => {
  let s: BrowserSession;

  beforeAll(async () => {
    s = await startBrowserSession({ DOCKET_DEMO: '1' });
  });
  afterAll(() => s?.close());

  it('lists the questionnaires and refuses one whose branch reads a later answer, naming the place', async () => {
    const { page } = s;
    await s.signInAsAdmin();
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Classification' }).click();
    await page.getByRole('heading', { name: 'Classification' }).waitFor();
    expect(await page.getByRole('row', { name: /FIRST_LINE/ }).innerText()).toMatch(/FIRST_LINE\s+Why is the customer calling\?\s+2\s+3\s+Active/);

    await page.getByRole('button', { name: 'New questionnaire' }).click();
    const dialog = page.getByRole('dialog', { name: 'New questionnaire' });
    await dialog.getByLabel('Code').fill('AHEAD');
    await dialog.getByLabel('Name').fill('Looks ahead');
    const definition = {
      questions: [
        { code: 'first', text: 'First?', kind: 'yesno', askWhen: { var: 'answers.second' } },
        { code: 'second', text: 'Second?', kind: 'yesno' },
      ],
      suggestions: [{ when: { var: 'answers.first' }, note: 'Both' }],
    };
    await dialog.getByLabel('Questions and suggestions (JSON)').fill('{ not json');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText(/^This is not JSON:/).waitFor();
    await dialog.getByLabel('Questions and suggestions (JSON)').fill(JSON.stringify(definition));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText(/^questions\.0\.askWhen/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByRole('row', { name: /AHEAD/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  it('walks the demo tree from the contact form and puts the suggested topic on the request', async () => {
    const { page } = s;
    await s.open('/login');
    await s.signIn('operator', 'operator-demo-1');
    await page.getByRole('heading', { name: 'Welcome, Olga Operator' }).waitFor();
    await s.open('/workspace/contact');
    const draft = page.getByTestId('request-draft-0');
    await draft.getByRole('button', { name: 'Classify' }).click();
    const drawer = page.getByRole('dialog', { name: 'Classify the request' });
    const question = drawer.getByTestId('classification-question');
    await question.getByText('Why is the customer calling?').waitFor();
    await question.getByRole('button', { name: 'Something else' }).click();
    await drawer.getByText('Choose the topic by hand').waitFor();
    expect(await drawer.getByRole('button', { name: 'Use this topic' }).count()).toBe(0);

    await drawer.getByTestId('answered-reason').getByRole('button', { name: 'Change' }).click();
    await question.getByRole('button', { name: 'To end the contract' }).click();
    await question.getByText('Is the customer moving away?').waitFor();
    await question.getByRole('button', { name: 'Yes' }).click();
    await drawer.getByText('Every question on the way is answered.').waitFor();
    expect(await drawer.getByTestId('answered-reason').innerText()).toMatch(/Why is the customer calling\? To end the contract/);
    expect(await drawer.getByTestId('answered-moving').innerText()).toMatch(/Is the customer moving away\? Yes/);
    const suggestions = drawer.getByTestId('classification-suggestion');
    expect(await suggestions.count()).toBe(2);
    await suggestions.filter({ hasText: 'Offer to move the contract to the new address first' }).getByText('Because Is the customer moving away? Yes').waitFor();
    await suggestions.filter({ hasText: 'Contract termination' }).getByText('Because Why is the customer calling? To end the contract').waitFor();
    await s.screenshot('classification-drawer');

    await suggestions.filter({ hasText: 'Contract termination' }).getByRole('button', { name: 'Use this topic' }).click();
    await drawer.waitFor({ state: 'hidden' });
    // The topic's own form follows the choice, as when the topic is picked by hand.
    await draft.getByLabel('Termination date').waitFor();
    expect(await draft.getByLabel('Topic').locator('xpath=ancestor::div[contains(@class, "ant-select")][1]').innerText()).toContain('Contract termination');
  });
});
