import { Injectable } from '@nestjs/common';
import type { ElementStatisticsView, ProcessStatisticsView } from '../../history/history-views';
import { HistoryReads } from '../../history/store-reads';

export type ElementStatistics = ElementStatisticsView;
export type ProcessStatistics = ProcessStatisticsView;

/** Heatmap counts and durations per element over every instance in the store (no per-instance queries). */
@Injectable()
export class ProcessStatisticsService {
  constructor(private readonly reads: HistoryReads) {}

  forProcess(processId: string, version: number | undefined): Promise<ProcessStatistics> {
    return this.reads.statistics(processId, version);
  }
}
