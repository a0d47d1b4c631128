/**
 * Socket.IO's frame limit (maxHttpBufferSize). A bigger frame closes the connection before any
 * handler sees it, so the limit sits well above the largest payload the zod schemas check
 * (about 24 kB: a chat text at its first length check with every character escaped): anything a
 * person can type gets a translated validation answer instead of a dropped socket. Same size as
 * the HTTP form-body limit (decision 014). The browser refuses to send more than this itself.
 */
export const MAX_SOCKET_PAYLOAD_BYTES = 64 * 1024;
