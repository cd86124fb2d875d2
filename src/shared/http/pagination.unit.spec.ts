import { DomainError } from '../domain-error.js';
import { encodeCursor, MAX_OFFSET, pageOf, pageWindow, PaginationQueryDto } from './pagination.js';

const query = (given: Partial<PaginationQueryDto>): PaginationQueryDto =>
  Object.assign(new PaginationQueryDto(), given);

const refusal = (run: () => unknown): DomainError | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
};

describe('pagination', () => {
  it('pages by offset up to MAX_OFFSET rows deep, and refuses deeper pages', () => {
    expect(pageWindow(query({ page: 3, pageSize: 20 }), 'updatedAt')).toEqual({ limit: 20, offset: 40 });
    expect(pageWindow(query({ page: MAX_OFFSET / 100 + 1, pageSize: 100 }), undefined)).toEqual({
      limit: 100,
      offset: MAX_OFFSET,
    });
    const tooDeep = refusal(() =>
      pageWindow(query({ page: MAX_OFFSET / 100 + 2, pageSize: 100 }), undefined),
    );
    expect(tooDeep).toMatchObject({ code: 'REQUEST.PAGE_TOO_DEEP', kind: 'invalid' });
  });

  it('starts after the position a cursor of the same list names', () => {
    const page = pageOf(
      { items: [1, 2], total: 9, next: { key: '2026-11-25T10:00:00.000Z', id: 'p-2' } },
      query({ pageSize: 2 }),
      'updatedAt',
      (n) => n * 10,
    );
    expect(page).toEqual({ items: [10, 20], total: 9, page: 1, pageSize: 2, nextCursor: expect.any(String) });
    expect(pageWindow(query({ cursor: page.nextCursor!, pageSize: 2 }), 'updatedAt')).toEqual({
      limit: 2,
      after: { key: '2026-11-25T10:00:00.000Z', id: 'p-2' },
    });
    expect(pageOf({ items: [], total: 0 }, query({}), undefined, (n) => n)).not.toHaveProperty('nextCursor');
  });

  it.each([
    ['not base64url', 'a+b/c=='],
    ['not JSON', Buffer.from('{"oops').toString('base64url')],
    ['not a position', Buffer.from('{"key":1}').toString('base64url')],
    [
      'an object as the key',
      Buffer.from(JSON.stringify(['updatedAt', { $gt: '' }, 'x'])).toString('base64url'),
    ],
    ['of a list in another order', encodeCursor({ key: 3, id: 'x' }, 'stateSince')],
  ])('refuses a cursor that is %s', (_, cursor) => {
    expect(refusal(() => pageWindow(query({ cursor }), 'updatedAt'))).toMatchObject({
      code: 'REQUEST.INVALID_CURSOR',
      kind: 'invalid',
    });
  });

  it('refuses a page and a cursor together', () => {
    const cursor = encodeCursor({ key: null, id: 'x' }, undefined);
    expect(pageWindow(query({ cursor }), undefined)).toEqual({ limit: 20, after: { key: null, id: 'x' } });
    expect(refusal(() => pageWindow(query({ cursor, page: 2 }), undefined))).toMatchObject({
      code: 'REQUEST.INVALID',
    });
  });
});
