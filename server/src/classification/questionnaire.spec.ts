import { answerIssues, questionnaireIssues, referencesOf, walkQuestionnaire, type QuestionnaireDefinition } from './questionnaire';

/** A small tree: internet trouble branches into "all devices?" and a router question; printers go straight to a topic. */
const TREE: QuestionnaireDefinition = {
  questions: [
    { code: 'area', text: 'What does not work?', kind: 'choice', options: [{ value: 'internet', label: 'Internet' }, { value: 'printer', label: 'Printer' }] },
    { code: 'allDevices', text: 'On every device?', kind: 'yesno', askWhen: { '==': [{ var: 'answers.area' }, 'internet'] } },
    { code: 'routerLights', text: 'How many lights are on?', kind: 'number', askWhen: { '==': [{ var: 'answers.allDevices' }, true] } },
    { code: 'pages', text: 'How many pages were stuck?', kind: 'number', askWhen: { '==': [{ var: 'answers.area' }, 'printer'] } },
  ],
  suggestions: [
    { when: { '==': [{ var: 'answers.area' }, 'internet'] }, articles: [7] },
    // An unanswered question reads as null, which `<` takes for 0: the rule waits for the answer itself.
    { when: { and: [{ '==': [{ var: 'answers.allDevices' }, true] }, { '!==': [{ var: 'answers.routerLights' }, null] }, { '<': [{ var: 'answers.routerLights' }, 3] }] }, topic: 'internet.outage', problems: ['PRB-2026-000001'] },
    { when: { '==': [{ var: 'answers.allDevices' }, false] }, topic: 'internet.device', note: 'Check the device settings first' },
    { when: { '==': [{ var: 'answers.area' }, 'printer'] }, topic: 'printing' },
  ],
};

describe('walking a questionnaire', () => {
  it('asks the first question when nothing is answered, and suggests nothing yet', () => {
    expect(walkQuestionnaire(TREE, {})).toEqual({ answers: {}, next: TREE.questions[0], suggestions: [] });
  });

  it('follows the branch the answers take, suggesting as soon as a rule holds', () => {
    expect(walkQuestionnaire(TREE, { area: 'internet' })).toEqual({ answers: { area: 'internet' }, next: TREE.questions[1], suggestions: [0] });
    expect(walkQuestionnaire(TREE, { area: 'internet', allDevices: true })).toMatchObject({ next: TREE.questions[2], suggestions: [0] });
    expect(walkQuestionnaire(TREE, { area: 'internet', allDevices: true, routerLights: 1 })).toEqual({ answers: { area: 'internet', allDevices: true, routerLights: 1 }, next: null, suggestions: [0, 1] });
    expect(walkQuestionnaire(TREE, { area: 'internet', allDevices: false })).toEqual({ answers: { area: 'internet', allDevices: false }, next: null, suggestions: [0, 2] });
  });

  it('leaves out answers to a branch not taken', () => {
    // Changing the first answer to "printer" drops the internet answers: they no longer count for any rule.
    expect(walkQuestionnaire(TREE, { area: 'printer', allDevices: true, routerLights: 1 })).toEqual({ answers: { area: 'printer' }, next: TREE.questions[3], suggestions: [3] });
    expect(walkQuestionnaire(TREE, { area: 'printer', pages: 2 })).toEqual({ answers: { area: 'printer', pages: 2 }, next: null, suggestions: [3] });
  });
});

describe('checking answers', () => {
  it('takes answers of the kind each question asks for', () => {
    expect(answerIssues(TREE, { area: 'internet', allDevices: false, routerLights: 2 })).toEqual([]);
  });

  it('refuses an answer to no question and values the question does not take', () => {
    expect(answerIssues(TREE, { colour: 'red', area: 'fax', allDevices: 'yes', routerLights: '2' })).toEqual([
      { path: 'answers.colour', message: 'no such question' },
      { path: 'answers.area', message: 'expected one of "internet", "printer"' },
      { path: 'answers.allDevices', message: 'expected true or false' },
      { path: 'answers.routerLights', message: 'expected a number' },
    ]);
  });
});

describe('checking a definition', () => {
  it('accepts a well-formed tree', () => {
    expect(questionnaireIssues(TREE)).toEqual([]);
  });

  it('refuses a branch that reads a later answer or one that does not exist', () => {
    const lookingAhead = { ...TREE, questions: [{ ...TREE.questions[0], askWhen: { '==': [{ var: 'answers.allDevices' }, true] } }, ...TREE.questions.slice(1)] };
    const issues = questionnaireIssues(lookingAhead);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((issue) => issue.path.startsWith('definition.questions.0.askWhen'))).toBe(true);
    const unknown = questionnaireIssues({ ...TREE, suggestions: [{ when: { '==': [{ var: 'answers.colour' }, 'red'] }, topic: 'x' }] });
    expect(unknown.map((issue) => issue.path.split('/')[0])).toEqual(['definition.suggestions.0.when']);
  });

  it('names each malformed part by its path', () => {
    const broken = {
      questions: [
        { code: '1st', text: '', kind: 'choice', options: [{ value: 'a', label: 'A' }, { value: 'a', label: 'Again' }] },
        { code: 'size', text: 'Size?', kind: 'slider' },
        { code: 'size', text: 'Size again?', kind: 'yesno', options: [] },
      ],
      suggestions: [{ when: true }, { topic: 'x' }, { when: true, articles: [0] }],
    };
    expect(questionnaireIssues(broken).map((issue) => issue.path)).toEqual([
      'definition.questions.0.code',
      'definition.questions.0.text',
      'definition.questions.0.options.1.value',
      'definition.questions.1.kind',
      'definition.questions.2.code',
      'definition.questions.2.options',
      'definition.suggestions.0',
      'definition.suggestions.1.when',
      'definition.suggestions.2.articles',
    ]);
  });

  it('refuses what is not a definition at all', () => {
    expect(questionnaireIssues(null)).toEqual([{ path: 'definition', message: 'an object with questions and suggestions' }]);
    expect(questionnaireIssues({ questions: [], suggestions: [] }).map((issue) => issue.path)).toEqual(['definition.questions']);
  });

  it('lists what the suggestions refer to, once each', () => {
    expect(referencesOf({ ...TREE, suggestions: [...TREE.suggestions, { when: true, topic: 'printing', articles: [7, 8] }] })).toEqual({ topics: ['internet.outage', 'internet.device', 'printing'], problems: ['PRB-2026-000001'], articles: [7, 8] });
  });
});
