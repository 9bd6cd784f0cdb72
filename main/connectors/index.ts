// The connectors' front door: one folder per external service (lawruler/, smartadvocate/, calcom/),
// each in the same shape (client, zod wire schemas, translation, simulator/, README of what is public and what is
// ASSUMED), behind the interfaces in crm/.
export type {
  ChangedPage,
  CrmCapabilities,
  CrmCaseType,
  CrmCatalog,
  CrmChanges,
  CrmCheck,
  CrmConnector,
  CrmCursor,
  CrmField,
  CrmFieldType,
  CrmNote,
  CrmRecord,
  CrmRecordInput,
  CrmStatus,
  CrmSubstatus,
  CrmSubstatusType,
  CrmValue,
} from './crm/types';
export { CRM_FIELD_TYPES } from './crm/types';
export { CrmError, CRM_ERROR_KINDS, isCrmError, type CrmErrorDetails, type CrmErrorKind } from './crm/errors';
export { crmHttp, type CrmHttpAnswer, type CrmHttpDeps, type CrmHttpRequest, type CrmRequestPacer } from './crm/crm-http';
export { createLawRulerConnector, LAWRULER_CAPABILITIES, type LawRulerConnectorOptions } from './lawruler/lawruler-connector';
export { isLoopbackHost, parseClientRoot, parseLawRulerBaseUrl, type LawRulerCredentials } from './lawruler/credentials';
export { LAWRULER_STATUS_WEBHOOK_FIELDS, readStatusWebhook, type LawRulerStatusChange, type LawRulerStatusWebhookField } from './lawruler/status-webhook';
export {
  createSmartAdvocateConnector,
  SMARTADVOCATE_CAPABILITIES,
  type SmartAdvocateConnectorOptions,
  type SmartAdvocateCredentials,
} from './smartadvocate/connector';
export { normaliseSmartAdvocateBaseUrl, normaliseSmartAdvocateEndpoint } from './smartadvocate/endpoint';
export {
  CAL_API_VERSIONS,
  createCalcomClient,
  type BookingRequest,
  type CalcomAccount,
  type CalcomBooking,
  type CalcomClient,
  type CalcomClientOptions,
  type CalcomEventType,
  type CalcomSlot,
} from './calcom/calcom-client';
export { CALCOM_CLOUD_BASE_URL, CALCOM_EU_BASE_URL, parseCalcomBaseUrl } from './calcom/base-url';
export { isSchedulingError, SchedulingError, SCHEDULING_ERROR_KINDS, type SchedulingErrorDetails, type SchedulingErrorKind } from './calcom/scheduling-error';
