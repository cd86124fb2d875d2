import { resolve } from 'node:path';
import { DAFTAR_EVENT_TYPES } from '../../../projections/daftar-events.js';
import generated from './event-schemas.generated.json' with { type: 'json' };
import { GENERATED_FILE, generateEventSchemas } from './generate-event-schemas.js';

describe(GENERATED_FILE, () => {
  it('is what the event types generate today (else run `npm run schemas`)', () => {
    const fresh = generateEventSchemas(resolve(__dirname, '../../..'));
    expect(Object.keys(fresh)).toEqual([...DAFTAR_EVENT_TYPES].sort());
    expect(generated).toEqual(fresh);
  });
});
