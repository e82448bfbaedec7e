import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type ScanVerdict = { clean: true; scanner: string } | { clean: false; scanner: string; reason: string };

/**
 * The virus-scan hook: every upload is offered to the scanner after it is stored and before it is
 * recorded; a file found infected is deleted and refused. `open` gives the stored bytes as often as needed.
 */
export interface AttachmentScanner {
  scan(open: () => Readable, file: { fileName: string; size: number }): Promise<ScanVerdict>;
}

/** The default when no scanner is configured: everything passes. */
export class AcceptingScanner implements AttachmentScanner {
  async scan(): Promise<ScanVerdict> {
    return { clean: true, scanner: 'none' };
  }
}

/** A scanner run failed (could not start, timed out, answered neither clean nor infected). */
export class ScanFailed extends Error {}

/**
 * A command-line scanner reading the file on standard input, such as `clamdscan --no-summary -`:
 * exit 0 is clean, exit 1 is infected (its output says why), anything else is a failure. The
 * command is split on spaces and run without a shell.
 */
export class CommandScanner implements AttachmentScanner {
  private readonly argv: string[];

  constructor(
    command: string,
    private readonly timeoutMs = 60_000,
  ) {
    this.argv = command.trim().split(/\s+/);
  }

  scan(open: () => Readable): Promise<ScanVerdict> {
    const [program, ...args] = this.argv;
    return new Promise((resolve, reject) => {
      const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'] });
      let output = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), this.timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
      child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new ScanFailed(`the scanner could not run: ${error.message}`));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve({ clean: true, scanner: program });
        else if (code === 1) resolve({ clean: false, scanner: program, reason: output.trim().split('\n')[0]?.slice(0, 300) || 'infected' });
        else reject(new ScanFailed(`the scanner ended with ${signal ?? `exit code ${code}`}`));
      });
      // A scanner may stop reading once it has decided; a broken pipe then is not an error.
      pipeline(open(), child.stdin).catch(() => undefined);
    });
  }
}
