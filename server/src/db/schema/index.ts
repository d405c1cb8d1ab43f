export * from './accounts';
export * from './inventory';
export * from './sync';
