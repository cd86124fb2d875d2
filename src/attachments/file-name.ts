import { create } from 'content-disposition';

const MAX_FILE_NAME_CODE_POINTS = 200;

/** The uploaded name as kept: cut by code point, so a cut never leaves half of an emoji. */
export function keptFileName(name: string): string {
  return [...name].slice(0, MAX_FILE_NAME_CODE_POINTS).join('');
}

/**
 * The Content-Disposition of a download under the name it was uploaded with. Names kept before
 * they were cut by code point may end in half a surrogate pair, which no header can carry.
 */
export function attachmentDisposition(fileName: string): string {
  return create(fileName.replace(/\p{Surrogate}/gu, '\uFFFD'));
}
