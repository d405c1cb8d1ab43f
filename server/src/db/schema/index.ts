export * from './accounts';
export * from './ai';
export * from './inventory';
export * from './sync';
export * from './ledger';
export * from './qa';
export * from './security';
export * from './identity';
