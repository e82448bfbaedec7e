import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { ActiveField, NameField } from '../common/dto-fields';
import { CodeField } from '../dictionaries/catalog.dto';
import type { MailOutcome } from './entities/mail-message.entity';
import type { Mailbox } from './entities/mailbox.entity';

/** A host name or address: no spaces, no scheme, no path. */
const HOST_PATTERN = /^[A-Za-z0-9.:[\]-]+$/;

export class CreateMailboxDto {
  @CodeField('SUPPORT')
  code!: string;

  @NameField('Support mailbox')
  name!: string;

  @ApiProperty({ example: 'imap.example.com' })
  @IsString()
  @Length(1, 255)
  @Matches(HOST_PATTERN, { message: 'host must be a host name or an IP address' })
  host!: string;

  @ApiPropertyOptional({ default: 993 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number;

  @ApiPropertyOptional({ default: true, description: 'IMAP over TLS (imaps); false for plain IMAP' })
  @IsOptional()
  @IsBoolean()
  tls?: boolean;

  @ApiProperty({ description: 'the IMAP login' })
  @IsString()
  @Length(1, 255)
  username!: string;

  @ApiProperty({ writeOnly: true, description: 'stored to sign in to the IMAP server; never answered' })
  @IsString()
  @Length(1, 255)
  password!: string;

  @ApiPropertyOptional({ default: 'INBOX' })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  folder?: string;

  @ActiveField()
  active?: boolean;

  @ApiProperty({ description: 'the topic new requests from this mailbox get' })
  @IsInt()
  topicId!: number;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'the queue new requests go to, for a topic without a route (a route chooses its own); null for none' })
  @IsOptional()
  @IsInt()
  queueId?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'the contact channel (e.g. e-mail); null for none' })
  @IsOptional()
  @IsInt()
  channelId?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'the contact direction (e.g. inbound); null for none' })
  @IsOptional()
  @IsInt()
  directionId?: number | null;

  @ApiProperty({ description: 'the user mail is registered as: the contact’s operator and the journal’s actor' })
  @IsInt()
  operatorId!: number;

  @ApiPropertyOptional({ default: 60, minimum: 10, maximum: 86400 })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(86400)
  pollSeconds?: number;
}

export class UpdateMailboxDto extends PartialType(OmitType(CreateMailboxDto, ['code'] as const)) {}

/** A mailbox as the API answers it: everything but the password. */
export type MailboxView = Omit<Mailbox, 'password'>;

export function mailboxView(mailbox: Mailbox): MailboxView {
  const { password: _password, ...view } = mailbox;
  return view;
}

export interface MailMessageView {
  id: number;
  messageKey: string;
  uid: number;
  outcome: MailOutcome;
  requestId: number | null;
  commentId: number | null;
  detail: string | null;
  createdAt: Date;
}
