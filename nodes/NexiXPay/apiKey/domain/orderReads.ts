import type { XPayKeyClient } from '../transport/client';
import {
	operationListSchema,
	operationSchema,
	orderDetailSchema,
	orderListSchema,
	type KeyOperation,
	type KeyOrderDetail,
	type KeyOrderStatus,
} from '../transport/schemas';
import { readByTimeCursor, timeWindows } from './timeCursor';
import type { DateRange } from '../../../common/dates';

/** How many date windows are searched at the same time. */
export const WINDOW_CONCURRENCY = 4;

export async function getOrder(client: XPayKeyClient, orderId: string): Promise<KeyOrderDetail> {
	return await client.get({
		path: `/orders/${encodeURIComponent(orderId)}`,
		schema: orderDetailSchema,
		notFound: `XPay has no order with ID ${orderId} for this API key`,
	});
}

export async function getOperation(
	client: XPayKeyClient,
	operationId: string,
): Promise<KeyOperation> {
	return await client.get({
		path: `/operations/${encodeURIComponent(operationId)}`,
		schema: operationSchema,
		notFound: `XPay has no operation with ID ${operationId} for this API key`,
	});
}

export interface OrderFilters {
	orderState?: 'TO_CAPTURE' | 'CAPTURED';
	customField?: string;
}

/** Every order whose last operation falls in the range, newest first, each once. */
export async function listOrders(
	client: XPayKeyClient,
	range: DateRange,
	filters: OrderFilters,
	limit?: number,
): Promise<KeyOrderStatus[]> {
	return await readByTimeCursor(timeWindows(range), {
		search: async (fromTime, toTime, maxRecords) => {
			const page = await client.get({
				path: '/orders',
				qs: { fromTime, toTime, maxRecords, ...filters },
				schema: orderListSchema,
			});
			return page.orders ?? [];
		},
		timeOf: (order) => order.lastOperationTime ?? undefined,
		idOf: (order) => order.order.orderId,
		limit,
		concurrency: WINDOW_CONCURRENCY,
	});
}

export interface OperationFilters {
	operationType?: string;
	channel?: string;
}

/** Every operation in the range, newest first, each once. */
export async function listOperations(
	client: XPayKeyClient,
	range: DateRange,
	filters: OperationFilters,
	limit?: number,
): Promise<KeyOperation[]> {
	return await readByTimeCursor(timeWindows(range), {
		search: async (fromTime, toTime, maxRecords) => {
			const page = await client.get({
				path: '/operations',
				qs: { fromTime, toTime, maxRecords, ...filters },
				schema: operationListSchema,
			});
			return page.operations ?? [];
		},
		timeOf: (operation) => operation.operationTime ?? undefined,
		idOf: (operation) => String(operation.operationId),
		limit,
		concurrency: WINDOW_CONCURRENCY,
	});
}
