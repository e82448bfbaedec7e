/** What the portal API answers (server/src/portal, server/src/knowledge). */
export interface PortalTopic {
  id: number;
  code: string;
  name: string;
  path: string[];
}

export interface SchemaProperty {
  type?: string;
  title?: string;
  description?: string;
  enum?: unknown[];
  items?: SchemaProperty;
  readOnly?: boolean;
  default?: unknown;
  format?: string;
  pattern?: string;
  maxLength?: number;
  'x-docket-options'?: { value: string; label: string }[];
  'x-docket-mask'?: string;
}

export interface PortalForm {
  topic: { id: number; code: string; name: string };
  step: { id?: string; name?: string } | null;
  schema: { properties: Record<string, SchemaProperty>; required: string[] };
}

export interface PortalRequestSummary {
  id: number;
  number: string;
  subject: string;
  status: string;
  isOpen: boolean;
  resolution: string | null;
  topic: { id: number; name: string } | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface PortalComment {
  id: number;
  authorName: string;
  mine: boolean;
  body: string;
  createdAt: string;
}

export interface PortalRequestDetail extends PortalRequestSummary {
  description: string | null;
  version: number;
  awaitingConfirmation: boolean;
  rating: { rating: number | null; comment: string | null; byTimeout: boolean; createdAt: string } | null;
  comments: PortalComment[];
}

export interface CustomerArticle {
  id: number;
  title: string;
  body: string;
  tags: string[];
  topicIds: number[];
  updatedAt: string;
}
