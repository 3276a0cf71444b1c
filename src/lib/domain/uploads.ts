/** The largest backup or Trello export accepted (bytes); the server's body limit leaves room for it. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / 1024 / 1024;
