import { DEFAULT_TEMPLATES } from './default-templates';
import { decodeEntities, plainText } from './plain-text';
import { escapeHtml, lookup, parseTemplate, renderTemplate, templateIssues, variablesOf } from './template-renderer';
import { isTemplateVariable, NOTIFICATION_EVENTS, TEMPLATE_LANGUAGES, templateLanguageOf } from './template-variables';

const context = {
  request: { number: 'REQ-2026-000001', subject: 'Tom & Jerry <b>', priority: 2, queue: '' },
  attributes: { 'CONTRACT.NO': 'A-1', SCRIPT: '<script>alert("x")</script>', FLAGS: ['a', 'b'], EMPTY: null },
  recipient: { name: "O'Brien", isAssignee: true },
};

describe('the template renderer', () => {
  it('inserts values, escaping them in HTML only', () => {
    const source = '<p>{{request.number}}: {{request.subject}} — {{attributes.SCRIPT}}</p>';
    expect(renderTemplate(source, context, 'html')).toBe('<p>REQ-2026-000001: Tom &amp; Jerry &lt;b&gt; — &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
    expect(renderTemplate(source, context, 'text')).toBe('<p>REQ-2026-000001: Tom & Jerry <b> — <script>alert("x")</script></p>');
    expect(renderTemplate('{{recipient.name}}', context, 'html')).toBe('O&#39;Brien');
  });

  it('folds a subject onto one line', () => {
    expect(renderTemplate('  {{request.number}}\n\n  {{attributes.CONTRACT.NO}}  ', context, 'line')).toBe('REQ-2026-000001 A-1');
  });

  it('reads attribute codes with dots whole, lists joined, missing values empty', () => {
    expect(lookup(context, 'attributes.CONTRACT.NO')).toBe('A-1');
    expect(renderTemplate('[{{attributes.FLAGS}}][{{attributes.EMPTY}}][{{attributes.NOPE}}][{{comment.text}}]', context, 'text')).toBe('[a, b][][][]');
  });

  it('never reads through the prototype', () => {
    expect(lookup(context, 'request.constructor')).toBeUndefined();
    expect(renderTemplate('{{request.toString}}{{attributes.__proto__}}', context, 'text')).toBe('');
  });

  it('keeps a section when its value is present, an inverted one when it is not', () => {
    const source = '{{#recipient.isAssignee}}yours{{/recipient.isAssignee}}{{^recipient.isAssignee}}theirs{{/recipient.isAssignee}}|{{#request.queue}}Q {{request.queue}}{{/request.queue}}{{^request.queue}}no queue{{/request.queue}}';
    expect(renderTemplate(source, context, 'text')).toBe('yours|no queue');
    expect(renderTemplate(source, { recipient: { isAssignee: false }, request: { queue: 'L2' } }, 'text')).toBe('theirs|Q L2');
  });

  it('refuses structural mistakes with their line', () => {
    expect(templateIssues('a\n{{#x}}b', () => true)).toEqual([{ message: '{{#x}} is never closed', line: 2 }]);
    expect(templateIssues('{{#x}}{{/y}}', () => true)).toEqual([{ message: '{{/y}} closes {{#x}} opened on line 1', line: 1 }]);
    expect(templateIssues('{{/y}}', () => true)[0].message).toBe('{{/y}} closes no section');
    expect(templateIssues('\n\n{{{request.subject}}}', () => true)).toEqual([{ message: 'unescaped output {{{request.subject}}} is not allowed', line: 3 }]);
    expect(templateIssues('{{ not a name }}', () => true)[0].message).toBe('"not a name" is not a variable name');
    expect(templateIssues('ok\n{{request.number}\n', () => true)).toEqual([{ message: 'unbalanced "{{"', line: 2 }]);
    expect(() => parseTemplate('{{#a}}')).toThrow('never closed (line 1)');
  });

  it('names every unknown variable, sections included', () => {
    const issues = templateIssues('{{request.number}}\n{{#request.colour}}{{reqest.subject}}{{/request.colour}}\n{{attributes.ANY_CODE}}', isTemplateVariable);
    expect(issues).toEqual([
      { message: 'unknown variable {{request.colour}}', line: 2 },
      { message: 'unknown variable {{reqest.subject}}', line: 2 },
    ]);
    expect(variablesOf(parseTemplate('{{#a}}{{b}}{{/a}}')).map((variable) => variable.path)).toEqual(['a', 'b']);
  });

  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('rendering the same template many times', () => {
  it('gives each context its own values, keeps refusing a broken template, and stays right past the cache bound', () => {
    const source = 'Hello {{recipient.name}}{{#request.number}}, {{request.number}}{{/request.number}}';
    expect(renderTemplate(source, { recipient: { name: 'Ann' }, request: { number: 'R-1' } }, 'text')).toBe('Hello Ann, R-1');
    expect(renderTemplate(source, { recipient: { name: 'Bob' }, request: {} }, 'text')).toBe('Hello Bob');
    for (let attempt = 0; attempt < 2; attempt++) expect(() => renderTemplate('{{#open}} never closed', {}, 'text')).toThrow('is never closed');
    for (let index = 0; index < 600; index++) expect(renderTemplate(`#${index} {{n}}`, { n: index }, 'line')).toBe(`#${index} ${index}`);
    expect(renderTemplate(source, { recipient: { name: '<Eve>' }, request: {} }, 'html')).toBe('Hello &lt;Eve&gt;');
  });
});

describe('the default templates', () => {
  it('exist for every event and language and use only known variables', () => {
    for (const event of NOTIFICATION_EVENTS) {
      for (const language of TEMPLATE_LANGUAGES) {
        const template = DEFAULT_TEMPLATES[event][language];
        for (const source of [template.subject, template.html, template.text]) expect({ event, language, issues: templateIssues(source, isTemplateVariable) }).toEqual({ event, language, issues: [] });
      }
    }
  });

  it('say what the SLA mails always said', () => {
    const sla = { request: { number: 'REQ-1', subject: 'Printer' }, clock: { name: 'решения' }, deadline: '2026-03-03 10:30 UTC', recipient: { isAssignee: false } };
    expect(renderTemplate(DEFAULT_TEMPLATES['sla.breach'].ru.subject, sla, 'line')).toBe('Нарушен срок решения: REQ-1');
    expect(renderTemplate(DEFAULT_TEMPLATES['sla.breach'].en.text, { ...sla, clock: { name: 'resolution' } }, 'text')).toBe(
      'The resolution deadline was missed on request REQ-1 "Printer".\nDeadline: 2026-03-03 10:30 UTC.\nYou manage the assignee\'s workgroup.',
    );
  });
});

describe('plain text of stored HTML', () => {
  it('decodes entities and drops tags', () => {
    expect(decodeEntities('Tom &amp; Jerry &lt;b&gt; &#39;x&#x27; &unknown;')).toBe("Tom & Jerry <b> 'x' &unknown;");
    expect(plainText('<p>Hello <b>there</b></p><p>a &amp; b</p>')).toBe('Hello there\na & b');
  });

  it('maps locales to template languages', () => {
    expect(['ru', 'ru-RU', 'RU', 'en', 'de', '', null].map(templateLanguageOf)).toEqual(['ru', 'ru', 'ru', 'en', 'en', 'en', 'en']);
  });
});
