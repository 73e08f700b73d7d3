/**
 * CR-4: can the order be served from stock, or produced within capacity by the requested
 * date? Real arithmetic on the parts master: free stock = stock − load already committed to
 * other open contracts; what stock cannot cover queues behind the committed production load
 * at the part's daily capacity, after its lead time.
 */
import { addDays } from './dates';

export interface PartCapacity {
  partNo: string;
  stockQty: number;
  leadTimeDays: number;
  dailyCapacity: number;
}

export interface LineDemand {
  lineNo: number;
  partNo: string;
  quantity: number;
  requestedDate: string;
}

export interface LineAvailability {
  lineNo: number;
  partNo: string;
  quantity: number;
  freeStock: number;
  fromStock: boolean;
  productionDays: number | null;
  earliestDate: string | null;
  withinCapacity: boolean;
}

export interface Availability {
  feasible: boolean;
  inStock: boolean;
  lines: LineAvailability[];
  summary: string;
}

/** `committed`: quantity per part already promised to other open contracts and not yet delivered. */
export function checkAvailability(
  lines: LineDemand[],
  parts: ReadonlyMap<string, PartCapacity>,
  committed: ReadonlyMap<string, number>,
  today: string,
): Availability {
  // Lines of this order for the same part draw on the same stock and capacity, in order.
  const used = new Map<string, number>();
  const result = lines.map((line): LineAvailability => {
    const part = parts.get(line.partNo);
    const earlier = used.get(line.partNo) ?? 0;
    used.set(line.partNo, earlier + line.quantity);
    if (!part || part.dailyCapacity <= 0) {
      return {
        lineNo: line.lineNo,
        partNo: line.partNo,
        quantity: line.quantity,
        freeStock: 0,
        fromStock: false,
        productionDays: null,
        earliestDate: null,
        withinCapacity: false,
      };
    }
    const load = (committed.get(line.partNo) ?? 0) + earlier;
    const freeStock = Math.max(0, part.stockQty - load);
    const fromStock = freeStock >= line.quantity;
    const backlog = Math.max(0, load - part.stockQty);
    const toProduce = fromStock ? 0 : line.quantity - freeStock;
    const productionDays = fromStock
      ? 0
      : part.leadTimeDays + Math.ceil((backlog + toProduce) / part.dailyCapacity);
    const earliestDate = addDays(today, productionDays);
    return {
      lineNo: line.lineNo,
      partNo: line.partNo,
      quantity: line.quantity,
      freeStock,
      fromStock,
      productionDays,
      earliestDate,
      withinCapacity: earliestDate <= line.requestedDate,
    };
  });
  const inStock = result.every((l) => l.fromStock);
  const feasible = result.every((l) => l.fromStock || l.withinCapacity);
  const summary = result
    .map((l) =>
      l.fromStock
        ? `line ${l.lineNo}: from stock`
        : l.earliestDate
          ? `line ${l.lineNo}: earliest ${l.earliestDate}${l.withinCapacity ? '' : ' (after requested date)'}`
          : `line ${l.lineNo}: part ${l.partNo} unknown`,
    )
    .join('; ');
  return { feasible, inStock, lines: result, summary };
}
