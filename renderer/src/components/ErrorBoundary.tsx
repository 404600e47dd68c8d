import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18next from 'i18next';
import { exportEverything } from '../features/app/emergencyExport';

interface State {
  error: Error | null;
  exportState: 'idle' | 'done' | 'failed';
}

/**
 * Never a blank screen: when a view crashes, say so and keep the data
 * reachable (it is already saved; the user can also take a copy right here).
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null, exportState: 'idle' };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  private readonly exportData = () => {
    exportEverything().then(
      () => this.setState({ exportState: 'done' }),
      () => this.setState({ exportState: 'failed' }),
    );
  };

  override render() {
    const { error, exportState } = this.state;
    if (!error) return this.props.children;
    const t = i18next.t.bind(i18next);
    return (
      <main className="crash" role="alert">
        <h1>{t('crash.title')}</h1>
        <p>{t('crash.dataSafe')}</p>
        <div className="crash-actions">
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            {t('crash.reload')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              window.location.hash = '#/';
              this.setState({ error: null });
            }}
          >
            {t('crash.toList')}
          </button>
          <button type="button" className="button" onClick={this.exportData}>
            {t('crash.export')}
          </button>
        </div>
        {exportState === 'done' && <p>{t('crash.exportDone')}</p>}
        {exportState === 'failed' && <p>{t('crash.exportFailed')}</p>}
        <details>
          <summary>{t('crash.details')}</summary>
          <pre>{error.message}</pre>
        </details>
      </main>
    );
  }
}
