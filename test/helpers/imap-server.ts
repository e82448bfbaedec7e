import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo, connect, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

const DOVECOT = '/usr/sbin/dovecot';
/** Under root, Dovecot refuses to keep mail as root; Debian's package brings this unprivileged user. */
const MAIL_USER_UNDER_ROOT = 'dovecot';

export interface ImapAccount {
  host: string;
  port: number;
  user: string;
  password: string;
}

/**
 * A private Dovecot (Debian's dovecot-imapd) for one test file: its own configuration, password file and
 * maildirs in a temporary directory, plaintext sign-in without TLS on 127.0.0.1 and a free port. It touches no
 * system service and downloads nothing; `stop()` ends it and removes the directory.
 */
export class ImapServer {
  private constructor(
    readonly account: ImapAccount,
    private readonly dir: string,
    private readonly master: ChildProcess,
  ) {}

  static async start(user = 'desk', password = 'desk-imap-password'): Promise<ImapServer> {
    const dir = mkdtempSync(join(tmpdir(), 'docket-imap-'));
    const port = await freePort();
    const self = userInfo();
    const mailUser = self.uid === 0 ? MAIL_USER_UNDER_ROOT : self.username;
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, mailUser]).toString()));
    const mail = join(dir, 'mail');
    mkdirSync(mail);
    chownSync(mail, uid, gid);
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`);
    const config = join(dir, 'dovecot.conf');
    writeFileSync(
      config,
      [
        `instance_name = docket-test-${port}`,
        `base_dir = ${join(dir, 'run')}`,
        `state_dir = ${join(dir, 'state')}`,
        'protocols = imap',
        'listen = 127.0.0.1',
        'ssl = no',
        'disable_plaintext_auth = no',
        'auth_mechanisms = plain login',
        // A refused password answers at once, not after Dovecot's 2 s: the tests refuse one on purpose.
        'auth_failure_delay = 0',
        `log_path = ${join(dir, 'dovecot.log')}`,
        `default_login_user = ${self.uid === 0 ? 'dovenull' : self.username}`,
        `default_internal_user = ${mailUser}`,
        `mail_location = maildir:${mail}/%u`,
        `first_valid_uid = ${uid}`,
        `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${join(dir, 'passwd')}\n}`,
        `userdb {\n  driver = static\n  args = uid=${uid} gid=${gid} home=${mail}/%u\n}`,
        `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
        'service stats {\n  unix_listener stats-reader {\n    mode = 0600\n  }\n  unix_listener stats-writer {\n    mode = 0666\n  }\n}',
        '',
      ].join('\n'),
    );
    const master = spawn(DOVECOT, ['-F', '-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    master.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    master.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const server = new ImapServer({ host: '127.0.0.1', port, user, password }, dir, master);
    try {
      await server.listening(() => output);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  /** A signed-in client (its caller logs it out). */
  async client(): Promise<ImapFlow> {
    const client = new ImapFlow({ host: this.account.host, port: this.account.port, secure: false, auth: { user: this.account.user, pass: this.account.password }, logger: false });
    await client.connect();
    return client;
  }

  /** Puts raw messages into a folder (INBOX by default), as a mail server delivering them would; their UIDs. */
  async deliver(messages: (string | Buffer)[], folder = 'INBOX'): Promise<number[]> {
    const client = await this.client();
    try {
      const uids: number[] = [];
      for (const message of messages) {
        const appended = await client.append(folder, message);
        uids.push(appended ? (appended.uid ?? 0) : 0);
      }
      return uids;
    } finally {
      await client.logout();
    }
  }

  async stop(): Promise<void> {
    if (this.master.exitCode === null && this.master.signalCode === null) {
      const exited = new Promise((resolve) => this.master.once('exit', resolve));
      this.master.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async listening(output: () => string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (this.master.exitCode !== null) break;
      if (await accepts(this.account.port)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    let log = '';
    try {
      log = readFileSync(join(this.dir, 'dovecot.log'), 'utf8');
    } catch {
      // No log written: the output says why.
    }
    throw new Error(`dovecot did not start on port ${this.account.port}:\n${output()}\n${log}`);
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
