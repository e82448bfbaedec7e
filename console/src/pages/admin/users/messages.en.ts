/** English texts of the user editor's customer and partner bindings, spread into i18n/en.ts. */
export const userBindingsEn = {
  'users.client': 'Client (portal customer)',
  'users.clientHint': 'A customer sees the portal only: their company\'s requests and the knowledge base.',
  'users.partner': 'Partner organisation',
  'users.partnerHint': 'A partner\'s user sees only the work orders given to their organisation.',
  'users.pickerPlaceholder': 'Type part of the name',
  'users.pickerTypeMore': 'Type at least two characters',
  'users.pickerNothing': 'Nothing found',
  'errors.invalid_user': 'The user is not valid.',
};
