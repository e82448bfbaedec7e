import { MailMessage } from './mail-message.entity';
import { Mailbox } from './mailbox.entity';

/** E-mail intake (migration 1764600000000). */
export const INTAKE_ENTITIES = [Mailbox, MailMessage];

export { MailMessage, Mailbox };
