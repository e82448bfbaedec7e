/** Collects extracted text up to a bound, and knows the deadline extraction works to. */
export class TextSink {
  private readonly parts: string[] = [];
  private length = 0;
  truncated = false;

  constructor(
    private readonly maxChars: number,
    private readonly deadline: number,
    private readonly clock: () => number = Date.now,
  ) {}

  add(text: string): void {
    if (this.full()) return void (this.truncated ||= text.length > 0);
    const room = this.maxChars - this.length;
    if (text.length > room) this.truncated = true;
    const kept = text.slice(0, room);
    this.parts.push(kept);
    this.length += kept.length;
  }

  full(): boolean {
    return this.length >= this.maxChars;
  }

  late(): boolean {
    return this.clock() > this.deadline;
  }

  text(): string {
    return this.parts.join('');
  }
}
