-- The staff queue no longer reads "Request_branchId_dueAt_id_idx" (branchId, dueAt, id):
-- since 20261202130000_open_queue_index, the open requests by deadline come off the
-- partial index of open requests, and a queue filtered to one status off
-- (branchId, status, dueAt, id). In the national-scale run (10M requests) it was
-- scanned 0 times and held 563 MB, written on every new request and every change
-- of a deadline (bench/README.md, "At national scale").
DROP INDEX "Request_branchId_dueAt_id_idx";
