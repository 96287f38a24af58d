// The Report resource's operations, one line each (see nodes/common/router.ts).
export * as getMany from './getMany.operation';
export * as download from './download.operation';
