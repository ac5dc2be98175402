/**
 * The editor of a form's custom questions (application and registration forms): a list of
 * questions, each with its type, label, choices (single / multi), whether it is required and,
 * for text, the longest answer. A controlled value, so it sits inside a Form.Item. Question ids
 * are stable slugs made once when a question is added: answers are stored under them.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QUESTION_LIMITS, type Question } from '../../../domain/events/questions';
import { QUESTION_TYPES, type QuestionType } from '../../../domain/events/vocabularies';

function newId(existing: readonly Question[]): string {
  const taken = new Set(existing.map((q) => q.id));
  for (let n = existing.length + 1; ; n++) if (!taken.has(`q${n}`)) return `q${n}`;
}

export function QuestionsEditor({ value = [], onChange, testId = 'questions' }: { value?: Question[]; onChange?: (v: Question[]) => void; testId?: string }) {
  const { t } = useTranslation();
  const set = (next: Question[]) => onChange?.(next);
  const patch = (i: number, fields: Partial<Question>) => set(value.map((q, j) => (j === i ? { ...q, ...fields } : q)));
  const move = (i: number, by: number) => {
    const next = [...value];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    set(next);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12} data-testid={`${testId}-editor`}>
      {value.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.questions.none')} />}
      {value.map((q, i) => (
        <Card
          key={q.id}
          size="small"
          title={<Typography.Text type="secondary">{t('applications.questions.number', { n: i + 1 })}</Typography.Text>}
          extra={
            <Space size={4}>
              <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('applications.questions.up')} />
              <Button size="small" icon={<ArrowDownOutlined />} disabled={i === value.length - 1} onClick={() => move(i, 1)} aria-label={t('applications.questions.down')} />
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                onClick={() => set(value.filter((_, j) => j !== i))}
                aria-label={t('applications.questions.remove')}
                data-testid={`${testId}-remove-${i}`}
              />
            </Space>
          }
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Input
              value={q.label}
              maxLength={QUESTION_LIMITS.labelLength}
              placeholder={t('applications.questions.label')}
              onChange={(e) => patch(i, { label: e.target.value })}
              data-testid={`${testId}-label-${i}`}
            />
            <Space wrap>
              <Select<QuestionType>
                value={q.type}
                style={{ width: 160 }}
                options={QUESTION_TYPES.map((type) => ({ value: type, label: t(`applications.questions.types.${type}`) }))}
                onChange={(type) => patch(i, { type })}
                data-testid={`${testId}-type-${i}`}
              />
              <Space>
                <Switch checked={q.required} onChange={(required) => patch(i, { required })} data-testid={`${testId}-required-${i}`} />
                <span>{t('applications.questions.required')}</span>
              </Space>
              {(q.type === 'text' || q.type === 'textarea') && (
                <Space>
                  <span>{t('applications.questions.maxLength')}</span>
                  <InputNumber min={1} max={QUESTION_LIMITS.textLength} value={q.maxLength} onChange={(v) => patch(i, { maxLength: v ?? 500 })} />
                </Space>
              )}
            </Space>
            {(q.type === 'single' || q.type === 'multi') && (
              <Select
                mode="tags"
                value={q.options}
                style={{ width: '100%' }}
                placeholder={t('applications.questions.options')}
                tokenSeparators={['\n']}
                maxCount={QUESTION_LIMITS.maxOptions}
                onChange={(options: string[]) => patch(i, { options: options.map((o) => o.trim().slice(0, QUESTION_LIMITS.optionLength)).filter(Boolean) })}
                data-testid={`${testId}-options-${i}`}
              />
            )}
          </Space>
        </Card>
      ))}
      <Button
        icon={<PlusOutlined />}
        disabled={value.length >= QUESTION_LIMITS.maxQuestions}
        onClick={() => set([...value, { id: newId(value), type: 'text', label: '', options: [], required: false, maxLength: 500 }])}
        data-testid={`${testId}-add`}
      >
        {t('applications.questions.add')}
      </Button>
    </Space>
  );
}
