import { Grid, Steps } from 'antd';
import { localName } from '../../lib/format';
import type { LifecycleModel } from '../../services/lifecycle';

/** The stages of the project's model as a progress bar, the current one highlighted. */
export function StageProgress({ model, stage, lang }: { model: LifecycleModel; stage: string; lang: string }) {
  const isMobile = Grid.useBreakpoint().md === false;
  const current = model.stages.findIndex((s) => s.code === stage);
  return (
    <div style={{ overflowX: 'auto', padding: '8px 0 4px' }} data-testid="lifecycle-progress">
      <Steps
        size="small"
        current={current < 0 ? 0 : current}
        status={current < 0 ? 'wait' : 'process'}
        orientation={isMobile ? 'vertical' : 'horizontal'}
        titlePlacement={isMobile ? undefined : 'vertical'}
        style={isMobile ? undefined : { minWidth: model.stages.length * 96 }}
        items={model.stages.map((s) => ({ title: localName(s, lang), key: s.code }))}
      />
    </div>
  );
}
