/** The three IPC channels between preload and main; nothing else crosses. */
export const IPC_RPC = 'kayse:rpc';
export const IPC_EVENT = 'kayse:event';
export const IPC_READY = 'kayse:ready';
