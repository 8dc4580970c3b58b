import type { ComponentChildren } from 'preact';

interface Props {
  title: string;
  body: string;
  children?: ComponentChildren;
}

/** A state that is not a report: what happened, and what the reader can do. */
export function StateMessage({ title, body, children }: Props) {
  return (
    <div class="state" role="status">
      <h1 class="state-title">{title}</h1>
      <p>{body}</p>
      {children ? <div class="actions">{children}</div> : null}
    </div>
  );
}
