/**
 * The custom questions of a call as form fields, under `answers.<question id>`: text, long
 * text, one choice, several choices, a tick. Required questions are checked here too, so the
 * applicant sees the problem before sending; the server checks again.
 */
import { Checkbox, Form, Input, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../domain/events/questions';

export function ApplicationAnswerFields({ questions }: { questions: readonly Question[] }) {
  const { t } = useTranslation();
  return (
    <>
      {questions.map((q) => {
        const name = ['answers', q.id];
        const rules = q.required ? [{ required: true, message: t('fieldErrors.application_answer_required') }] : [];
        const testId = `applications-answer-${q.id}`;
        switch (q.type) {
          case 'text':
            return (
              <Form.Item key={q.id} name={name} label={q.label} rules={rules}>
                <Input maxLength={q.maxLength} data-testid={testId} />
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
                      <Radio key={o} value={o} style={{ minHeight: 32 }}>
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
                <Select mode="multiple" options={q.options.map((o) => ({ value: o, label: o }))} data-testid={testId} />
              </Form.Item>
            );
          case 'checkbox':
            return (
              <Form.Item
                key={q.id}
                name={name}
                valuePropName="checked"
                rules={q.required ? [{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('fieldErrors.application_answer_required')))) }] : []}
              >
                <Checkbox data-testid={testId}>{q.label}</Checkbox>
              </Form.Item>
            );
        }
      })}
    </>
  );
}
