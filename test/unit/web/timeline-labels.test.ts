/** The timeline's axis in the plant's zone and the chosen language, whatever the browser's zone. */
import { axisLabel, zoneOffsetMinutes } from '../../../web/src/ui/timeline-labels';

describe('timeline axis labels', () => {
  it('knows a zone’s offset at an instant, daylight saving included', () => {
    expect(zoneOffsetMinutes(Date.UTC(2026, 0, 15, 12), 'Asia/Shanghai')).toBe(480);
    expect(zoneOffsetMinutes(Date.UTC(2026, 0, 15, 12), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(Date.UTC(2026, 6, 15, 12), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(Date.UTC(2026, 6, 15, 12, 0, 0, 750), 'UTC')).toBe(0);
  });

  it('labels a tick in the plant zone: 16:00 UTC on 31 December is already 1 January in Shanghai', () => {
    const at = Date.UTC(2025, 11, 31, 16);
    expect(axisLabel(at, 'day', false, 'zh-CN', 'Asia/Shanghai')).toBe('1日');
    expect(axisLabel(at, 'day', true, 'zh-CN', 'Asia/Shanghai')).toBe('2026年1月');
    expect(axisLabel(at, 'day', true, 'en', 'Asia/Shanghai')).toBe('January 2026');
    expect(axisLabel(at, 'hour', false, 'en', 'Asia/Shanghai')).toBe('00:00');
    expect(axisLabel(at, 'day', false, 'en', 'UTC')).toBe('31');
    expect(axisLabel(at, 'year', true, 'en', 'UTC')).toBe('');
  });
});
