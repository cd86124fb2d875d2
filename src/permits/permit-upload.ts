import type { SingleUpload } from '../attachments/multipart-upload.js';

/**
 * Reads the request's one file. A handler calls it only once the caller is known to stand to the file,
 * so that nobody else's bytes are read at all.
 */
export type ReadUpload = () => Promise<SingleUpload>;
