// The Payment Action resource's operations, one line each (see nodes/common/router.ts).
export * as getMany from './getMany.operation';
