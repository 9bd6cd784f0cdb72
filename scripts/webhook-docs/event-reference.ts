// The per-type event reference: description, field table, the real example body and the JSON Schema of `data`.
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { answerValueSchema, EVENT_TYPES, utteranceSchema, type EventType } from '../../shared/domain/events';
import { isCallEvent, WEBHOOK_EVENT_CATEGORIES } from '../../shared/domain/webhooks';
import { LINK_FIELDS, webhookDataJsonSchema } from './data-schema';
import { EVENT_DESCRIPTIONS, fieldNote } from './field-notes';
import { code, codeBlock, details, prettyJson, table } from './markdown';
import { sampleBody } from './sample-deliveries';

type SchemaNode = Record<string, unknown>;

const withoutMeta = (node: SchemaNode): SchemaNode => {
  const { $schema: _schema, default: _default, ...rest } = node;
  return rest;
};
const UTTERANCE = withoutMeta(z.toJSONSchema(utteranceSchema, { io: 'output' }) as SchemaNode);
const ANSWER = withoutMeta(z.toJSONSchema(answerValueSchema, { io: 'output' }) as SchemaNode);

const isNonEmptyObject = (value: unknown): value is SchemaNode => typeof value === 'object' && value !== null && Object.keys(value).length > 0;

/** A JSON Schema node as a short type name for the field tables. */
export function typeName(node: SchemaNode): string {
  const bare = withoutMeta(node);
  if (isDeepStrictEqual(bare, UTTERANCE)) return '[utterance](#utterances-and-answers)';
  if (isDeepStrictEqual(bare, ANSWER)) return '[answer](#utterances-and-answers)';
  if (Array.isArray(node.anyOf)) return (node.anyOf as SchemaNode[]).map(typeName).join(' or ');
  if (Array.isArray(node.type)) return (node.type as string[]).map((type) => typeName({ ...node, type })).join(' or ');
  if (Array.isArray(node.enum)) return (node.enum as unknown[]).map((v) => code(String(v))).join(' / ');
  switch (node.type) {
    case 'null':
      return 'null';
    case 'string':
      return node.format === 'date-time' ? 'date-time' : 'string';
    case 'number':
    case 'integer':
    case 'boolean':
      return node.type;
    case 'array':
      return `list of ${typeName(node.items as SchemaNode)}`;
    case 'object':
      return isNonEmptyObject(node.additionalProperties) ? `object: key → ${typeName(node.additionalProperties)}` : 'object';
    default:
      throw new Error(`no short name for the schema ${JSON.stringify(node)}`);
  }
}

const categoryOf = (type: EventType) => WEBHOOK_EVENT_CATEGORIES.find((c) => (c.types as readonly string[]).includes(type))!.label;

function fieldTable(type: EventType, schema: SchemaNode): string {
  const properties = schema.properties as Record<string, SchemaNode>;
  const rows = Object.entries(properties).map(([field, node]) => {
    const link = LINK_FIELDS[field as keyof typeof LINK_FIELDS];
    return link ? [code(field), 'string, optional', link] : [code(field), typeName(node), fieldNote(type, field)];
  });
  return table(['field', 'type', ''], rows);
}

function typeSection(type: EventType): string {
  const schema = webhookDataJsonSchema(type);
  const campaign = isCallEvent(type) ? 'applies' : 'does not apply (a webhook with a campaign filter cannot subscribe to it)';
  return [
    `### ${type}`,
    `${EVENT_DESCRIPTIONS[type]} Category: ${categoryOf(type)}. [Campaign filter](#filters): ${campaign}.`,
    fieldTable(type, schema),
    'Example body (pretty-printed here; the console sends it compact, and signs those exact bytes):',
    codeBlock('json', prettyJson(sampleBody(type))),
    details(`JSON Schema of <code>data</code> for ${type}`, codeBlock('json', JSON.stringify(schema, null, 2))),
  ].join('\n\n');
}

/** Every event type's section, in the order of the type list, then the shared utterance and answer shapes. */
export function eventReference(): string {
  const shared = [
    '### Utterances and answers',
    `An utterance (in ${code('transcript')} and ${code('utterances')}): ${code('speaker')} (${typeName((UTTERANCE.properties as Record<string, SchemaNode>).speaker!)}), ` +
      `${code('text')}, ${code('start_seconds')} and ${code('end_seconds')} (seconds from the start of the call; ${code('end_seconds')} is null when not known).`,
    details('JSON Schema of an utterance', codeBlock('json', JSON.stringify(UTTERANCE, null, 2))),
    `An answer (${code('answer')}, the values of ${code('answers')} and ${code('post_call_fields')}): text, a number, true/false, null, or a list of text.`,
    details('JSON Schema of an answer', codeBlock('json', JSON.stringify(ANSWER, null, 2))),
  ].join('\n\n');
  return [...EVENT_TYPES.map(typeSection), shared].join('\n\n');
}
