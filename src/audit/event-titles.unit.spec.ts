import { DAFTAR_EVENT_TYPES } from '../../projections/daftar-events.js';
import { EVENT_TITLES } from './event-titles.js';

describe('the titles of events in the audit log', () => {
  it.each(DAFTAR_EVENT_TYPES)('names %s in English and Persian', (type) => {
    expect(EVENT_TITLES[type].en).toMatch(/^[A-Z]/);
    expect(EVENT_TITLES[type].fa).toMatch(/[\u0600-\u06FF]/);
  });
});
