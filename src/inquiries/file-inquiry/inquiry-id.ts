import { v5 as uuidv5 } from 'uuid';
import type { InquiryRequester } from '../inquiry.events.js';

const INQUIRY_NAMESPACE = '0b7c61a4-3f4e-4d1b-9a52-6c2f8e1d7b39';

/** The same requester filing the same reference names the same inquiry, so a second filing finds the first. */
export function inquiryIdOf(requester: InquiryRequester, requesterReference: string): string {
  const who =
    'organisation' in requester
      ? `organisation:${requester.organisation}`
      : `citizen:${requester.nationalId}`;
  return uuidv5(`${who}\n${requesterReference}`, INQUIRY_NAMESPACE);
}
