// The published JSON Schema of one event type's `data` in a webhook body: the type's own schema (as stored,
// every field present) plus the case_id / client_id the envelope builder adds when the event is linked to them.
import { eventDataJsonSchema, type EventType } from '../../shared/domain/events';

/** Ids the console adds to `data` (after the type's own fields) when the event is linked to a case or client. */
export const LINK_FIELDS = {
  case_id: "The console's id of the case the event is about; absent when it is about none.",
  client_id: "The console's id of the client the event is about; absent when it is about none.",
} as const;

const linkProperty = { type: 'string', minLength: 1, maxLength: 128 };

/** JSON Schema (draft 2020-12) of `data` for one event type, exactly as webhook bodies carry it. */
export function webhookDataJsonSchema(type: EventType): Record<string, unknown> {
  const schema = eventDataJsonSchema(type, 'output');
  const properties = schema.properties as Record<string, unknown> | undefined;
  if (!properties) throw new Error(`the data schema of ${type} has no properties`);
  for (const field of Object.keys(LINK_FIELDS)) {
    if (field in properties) throw new Error(`the data schema of ${type} already has ${field}: the envelope builder would overwrite it`);
  }
  return { ...schema, properties: { ...properties, case_id: linkProperty, client_id: linkProperty } };
}
