/** The operationIds of docs/pec-admin.openapi.yaml, one per route. */
export const PEC_OPERATIONS = [
  'createSession',
  'deleteSession',
  'getDomain',
  'getPasswordPolicy',
  'searchMailboxes',
  'getMailbox',
  'createMailbox',
  'changeMailboxPassword',
  'resetMailboxPassword',
  'deleteMailbox',
] as const;

/** One operationId of the contract. */
export type PecOperationId = (typeof PEC_OPERATIONS)[number];
