// The PayMail Link resource's operations, one line each (see nodes/common/router.ts).
export * as create from './create.operation';
export * as regenerate from './regenerate.operation';
export * as getMany from './getMany.operation';
