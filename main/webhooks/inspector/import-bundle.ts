// Reads a delivery bundle file: JSON, the right format and version, then every field checked, each problem named
// by its place in the file. Stores nothing: the inspector shows the bundle read-only.
import { DELIVERY_BUNDLE_FORMAT, DELIVERY_BUNDLE_VERSION, deliveryBundleSchema, type DeliveryBundle } from '../../../shared/contract/delivery-bundle';
import { AppError, describeIssues, issuesOf, type FieldIssue } from '../../../shared/result';

/** Problems listed in the message; every one (up to 100) is in details.issues. */
const SHOWN_ISSUES = 5;
const KEPT_ISSUES = 100;

function refuse(message: string, issues: FieldIssue[]): never {
  throw new AppError('INVALID_INPUT', message, { issues: issues.slice(0, KEPT_ISSUES) });
}

/** The bundle in `json`, or INVALID_INPUT saying what is wrong and where. */
export function parseBundle(json: string): DeliveryBundle {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : String(error);
    refuse(`This file is not JSON (${reason}). Choose a .json bundle exported from the delivery log.`, [{ path: 'json', message: `is not JSON: ${reason}` }]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    refuse('This file is not a delivery bundle: it must be a JSON object with "format": "kayse-delivery-bundle".', [{ path: 'json', message: 'is not a JSON object' }]);
  }
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== DELIVERY_BUNDLE_FORMAT) {
    const found = format === undefined ? 'has no "format"' : `has "format": ${JSON.stringify(format).slice(0, 80)}`;
    refuse(`This file is not a Kayse delivery bundle: it ${found} (expected "${DELIVERY_BUNDLE_FORMAT}"). Export one from Webhook deliveries → Export.`, [
      { path: 'format', message: `must be "${DELIVERY_BUNDLE_FORMAT}"` },
    ]);
  }
  if (version !== DELIVERY_BUNDLE_VERSION) {
    const newer = typeof version === 'number' && version > DELIVERY_BUNDLE_VERSION;
    refuse(
      newer
        ? `This bundle is version ${version}, written by a newer console; this one reads version ${DELIVERY_BUNDLE_VERSION}. Update the console to open it.`
        : `This bundle's "version" is ${JSON.stringify(version) ?? 'missing'}; this console reads version ${DELIVERY_BUNDLE_VERSION}.`,
      [{ path: 'version', message: `must be ${DELIVERY_BUNDLE_VERSION}` }],
    );
  }
  const parsed = deliveryBundleSchema.safeParse(value);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    const more = issues.length > SHOWN_ISSUES ? `; and ${issues.length - SHOWN_ISSUES} more` : '';
    refuse(`This delivery bundle is damaged or was edited: ${describeIssues(issues.slice(0, SHOWN_ISSUES))}${more}. Export it again from the console it came from.`, issues);
  }
  return parsed.data;
}
