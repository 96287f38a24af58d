// The Operation resource's operations, one line each (see nodes/common/router.ts).
export * as get from './get.operation';
export * as getMany from './getMany.operation';
