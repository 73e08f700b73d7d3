/** Injection token of the Temporal client (created and closed by whoever starts the API). */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
