import { maskMobile, maskName, maskNationalId } from '../../shared/masking.js';
import {
  policyOf,
  secretPathsOf,
  type DataPath,
  type PersonalKind,
  type PolicyAudience,
} from './event-policies.js';
import type { DaftarEventType } from '../../../projections/daftar-events.js';

export type { PolicyAudience } from './event-policies.js';

const REMOVE = Symbol('remove');
type Change = (leaf: unknown) => unknown;

const MASKS: { readonly [kind in PersonalKind]: Change } = {
  nationalId: (leaf) => (typeof leaf === 'string' ? maskNationalId(leaf) : REMOVE),
  mobile: (leaf) => (typeof leaf === 'string' ? maskMobile(leaf) : REMOVE),
  name: (leaf) => (typeof leaf === 'string' ? maskName(leaf) : REMOVE),
  address: () => REMOVE,
  userId: () => REMOVE,
  digest: () => REMOVE,
  trackingNumber: () => REMOVE,
};

/**
 * The event's data as it may leave Daftar for this audience, or undefined when its type is not
 * published: secrets removed always, personal data masked or removed unless the audience has the
 * `pii` scope of the event's category, then shaped by the policy's view for this audience. Never
 * changes the event.
 */
export function applyPolicy(
  event: { readonly type: string; readonly data: unknown },
  audience: PolicyAudience,
): unknown {
  const policy = policyOf(event.type);
  if (!policy?.published) return undefined;
  if (policy.staffOnly && audience.organisation !== undefined) return undefined;
  let data = event.data;
  for (const path of secretPathsOf(event.type as DaftarEventType)) data = at(data, path, () => REMOVE);
  if (!audience.pii.includes(policy.category))
    for (const [path, kind] of Object.entries(policy.personal)) data = at(data, path, MASKS[kind]);
  return policy.view ? policy.view.apply(data as never, audience) : data;
}

/** `value` with `change` applied at `path`, copying only what lies on the way. */
function at(value: unknown, path: DataPath, change: Change): unknown {
  return along(value, path.replaceAll('[]', '.[]').split('.'), change);
}

function along(value: unknown, [head, ...rest]: readonly string[], change: Change): unknown {
  if (head === undefined) return change(value);
  if (head === '[]') {
    if (!Array.isArray(value)) return value;
    return value.map((item) => along(item, rest, change)).filter((item) => item !== REMOVE);
  }
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, head)) return value;
  const copy = { ...(value as Record<string, unknown>) };
  const changed = along(copy[head], rest, change);
  if (changed === REMOVE) delete copy[head];
  else copy[head] = changed;
  return copy;
}
