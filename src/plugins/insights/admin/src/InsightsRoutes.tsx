import { Route, Routes } from 'react-router-dom';

import ReportPage from './commendations/ReportPage';
import InsightsPage from './views/InsightsPage';

/** The plugin's pages under /plugins/insights: the views page, and a unit's annual emulation report. */
const InsightsRoutes = () => (
  <Routes>
    <Route index element={<InsightsPage />} />
    <Route path="report/:documentId" element={<ReportPage />} />
  </Routes>
);

export default InsightsRoutes;
