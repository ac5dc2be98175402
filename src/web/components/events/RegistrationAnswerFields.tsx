/**
 * The event's custom questions as fields of the registration form, under `answers.<id>`:
 * text, long text, one choice, several choices, a tick. Large touch targets for phones.
 */
import { Checkbox, Form, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../domain/events/questions';

export function RegistrationAnswerFields({ questions }: { questions: readonly Question[] }) {
  const { t } = useTranslation();
  const required = t('fieldErrors.registration_answer_required');
  return (
    <>
      {questions.map((q) => {
        const name = ['answers', q.id];
        const rules = q.required ? [{ required: true, message: required }] : [];
        const testId = `registrations-answer-${q.id}`;
        switch (q.type) {
          case 'text':
            return (
              <Form.Item key={q.id} name={name} label={q.label} rules={rules}>
                <Input size="large" maxLength={q.maxLength} data-testid={testId} />
              </Form.Item>
            );
          case 'textarea':
            return (
              <Form.Item key={q.id} name={name} label={q.label} rules={rules}>
                <Input.TextArea maxLength={q.maxLength} showCount autoSize={{ minRows: 3, maxRows: 8 }} data-testid={testId} />
              </Form.Item>
            );
          case 'single':
            return (
              <Form.Item key={q.id} name={name} label={q.label} rules={rules}>
                <Radio.Group data-testid={testId}>
                  <Space orientation="vertical">
                    {q.options.map((o) => (
                      <Radio key={o} value={o} style={{ minHeight: 36, alignItems: 'center' }}>
                        {o}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Form.Item>
            );
          case 'multi':
            return (
              <Form.Item key={q.id} name={name} label={q.label} rules={rules}>
                <Checkbox.Group data-testid={testId}>
                  <Space orientation="vertical">
                    {q.options.map((o) => (
                      <Checkbox key={o} value={o} style={{ minHeight: 36, alignItems: 'center' }}>
                        {o}
                      </Checkbox>
                    ))}
                  </Space>
                </Checkbox.Group>
              </Form.Item>
            );
          case 'checkbox':
            return (
              <Form.Item
                key={q.id}
                name={name}
                valuePropName="checked"
                rules={q.required ? [{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(required))) }] : []}
              >
                <Checkbox data-testid={testId}>{q.label}</Checkbox>
              </Form.Item>
            );
        }
      })}
    </>
  );
}

/** Leaves out empty answers, so an optional question left blank is not sent at all. */
export function cleanAnswers(answers: Record<string, unknown> | undefined): Record<string, string | string[] | boolean> {
  const out: Record<string, string | string[] | boolean> = {};
  for (const [id, value] of Object.entries(answers ?? {})) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (typeof value === 'string' || typeof value === 'boolean' || Array.isArray(value)) out[id] = value as string | string[] | boolean;
  }
  return out;
}
