// Where toasts appear; a polite live region so screen readers hear them without losing focus.
import { dismissToast, useToasts } from '../stores/toasts';

export function ToastRegion() {
  const toasts = useToasts();
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="Notifications">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.level}`}>
          <span className="toast__message">{toast.message}</span>
          <button type="button" className="toast__close" aria-label="Dismiss notification" onClick={() => dismissToast(toast.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
