// html-to-text ships no types; Docket uses only `compile` (a converter for fixed options).
declare module 'html-to-text' {
  export function compile(options?: Record<string, unknown>): (html: string) => string;
}
