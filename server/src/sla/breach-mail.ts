/**
 * The SLA facts a warning or breach notification shows, in the recipient's language; the words around them
 * are the sla.warning / sla.breach notification templates. Pure.
 */

const CLOCK_NAMES: Record<string, Record<string, string>> = {
  en: { reaction: 'reaction', resolution: 'resolution' },
  ru: { reaction: 'реакции', resolution: 'решения' },
};

/** The clock as the sentence needs it: "the reaction deadline", "срок решения", "step Repair". */
export function clockName(language: string, clock: string): string {
  const step = clock.startsWith('step:') ? clock.slice(5) : null;
  if (step) return language === 'ru' ? `этапа ${step}` : `step ${step}`;
  return CLOCK_NAMES[language === 'ru' ? 'ru' : 'en'][clock] ?? clock;
}

/** `2026-03-03 13:30 Europe/Moscow`; UTC when the zone is unknown, so a bad profile never loses the mail. */
export function deadlineText(deadline: Date, timeZone: string): string {
  // The text shows minutes, and the timers of a sweep mostly share a few: each minute is formatted once per zone.
  const key = `${timeZone}|${Math.floor(deadline.getTime() / 60_000)}`;
  let text = TEXTS.get(key);
  if (text === undefined) {
    const { zone, format } = formatIn(timeZone);
    const parts = Object.fromEntries(format.formatToParts(deadline).map((part) => [part.type, part.value]));
    text = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${zone}`;
    if (TEXTS.size >= MAX_TEXTS) TEXTS.clear();
    TEXTS.set(key, text);
  }
  return text;
}

const TEXTS = new Map<string, string>();
const MAX_TEXTS = 10_000;

/** Building a formatter costs far more than formatting (a sweep of thousands of timers did little else), so one per zone. */
const FORMATS = new Map<string, { zone: string; format: Intl.DateTimeFormat }>();

function formatIn(timeZone: string): { zone: string; format: Intl.DateTimeFormat } {
  let known = FORMATS.get(timeZone);
  if (!known) {
    const zone = validZone(timeZone) ? timeZone : 'UTC';
    known = { zone, format: new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) };
    FORMATS.set(timeZone, known);
  }
  return known;
}

function validZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
