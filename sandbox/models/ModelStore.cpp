#include "models/ModelStore.h"

#include "db/Connection.h"

namespace plexe::sandbox {

namespace {
#define MODEL_COLUMNS                                                                              \
    "id, account_id, model_name, model_version, name, intent, status, deployment_status, "         \
    "build_progress, created_at, updated_at, description, endpoint, metrics, input_schema, "       \
    "output_schema, tags, dataset_id, created_by, build_started_at, build_finishes_at"
// The list needs only the item fields; the large JSON columns stay on disk.
#define SUMMARY_COLUMNS                                                                            \
    "id, account_id, model_name, model_version, name, intent, status, deployment_status, "         \
    "build_progress, created_at, updated_at"
#define MODEL_FILTER " WHERE account_id = ?1 AND (?2 = '' OR status = ?2 COLLATE NOCASE)"
#define MODEL_PAGE " LIMIT ?3 OFFSET ?4"

Model readSummary(const Statement &row)
{
    Model m;
    m.id = row.integer(0);
    m.accountId = row.integer(1);
    m.modelName = row.text(2);
    m.modelVersion = row.text(3);
    m.name = row.text(4);
    m.intent = row.text(5);
    m.status = row.text(6);
    m.deploymentStatus = row.optionalText(7);
    m.buildProgress = row.integer(8);
    m.createdAt = row.integer(9);
    m.updatedAt = row.integer(10);
    return m;
}

Model read(const Statement &row)
{
    Model m;
    m.id = row.integer(0);
    m.accountId = row.integer(1);
    m.modelName = row.text(2);
    m.modelVersion = row.text(3);
    m.name = row.text(4);
    m.intent = row.text(5);
    m.status = row.text(6);
    m.deploymentStatus = row.optionalText(7);
    m.buildProgress = row.integer(8);
    m.createdAt = row.integer(9);
    m.updatedAt = row.integer(10);
    m.description = row.text(11);
    m.endpoint = row.optionalText(12);
    m.metrics = row.text(13);
    m.inputSchema = row.text(14);
    m.outputSchema = row.text(15);
    m.tags = row.text(16);
    m.datasetId = row.optionalText(17);
    m.createdBy = row.text(18);
    m.buildStartedAt = row.optionalInteger(19);
    m.buildFinishesAt = row.optionalInteger(20);
    return m;
}

// A fixed set of statements, one per order: the ORDER BY never comes from the request text.
const char *orderedQuery(ModelStore::SortBy sortBy, bool ascending)
{
    using S = ModelStore::SortBy;
    if (sortBy == S::Name)
        return ascending ? "SELECT " SUMMARY_COLUMNS " FROM models" MODEL_FILTER
                           " ORDER BY name ASC, id ASC" MODEL_PAGE
                         : "SELECT " SUMMARY_COLUMNS " FROM models" MODEL_FILTER
                           " ORDER BY name DESC, id DESC" MODEL_PAGE;
    return ascending ? "SELECT " SUMMARY_COLUMNS " FROM models" MODEL_FILTER
                       " ORDER BY created_at ASC, id ASC" MODEL_PAGE
                     : "SELECT " SUMMARY_COLUMNS " FROM models" MODEL_FILTER
                       " ORDER BY created_at DESC, id DESC" MODEL_PAGE;
}
} // namespace

Model ModelStore::insert(Connection &connection, Model m)
{
    auto insert = connection.prepare(
        "INSERT INTO models (account_id, model_name, model_version, name, intent, status, "
        "deployment_status, build_progress, created_at, updated_at, description, endpoint, "
        "metrics, input_schema, output_schema, tags, dataset_id, created_by, build_started_at, "
        "build_finishes_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, m.accountId)
        .bind(2, m.modelName)
        .bind(3, m.modelVersion)
        .bind(4, m.name)
        .bind(5, m.intent)
        .bind(6, m.status)
        .bind(7, m.deploymentStatus)
        .bind(8, m.buildProgress)
        .bind(9, m.createdAt)
        .bind(10, m.updatedAt)
        .bind(11, m.description)
        .bind(12, m.endpoint)
        .bind(13, m.metrics)
        .bind(14, m.inputSchema)
        .bind(15, m.outputSchema)
        .bind(16, m.tags)
        .bind(17, m.datasetId)
        .bind(18, m.createdBy)
        .bind(19, m.buildStartedAt)
        .bind(20, m.buildFinishesAt)
        .run();
    m.id = connection.lastInsertId();
    return m;
}

ModelStore::Page ModelStore::list(Connection &connection, int64_t accountId,
                                  const std::string &status, SortBy sortBy, bool ascending,
                                  int64_t limit, int64_t offset)
{
    Page page;
    auto count = connection.prepare("SELECT COUNT(*) FROM models" MODEL_FILTER);
    count.bind(1, accountId).bind(2, status);
    page.total = count.step() ? count.integer(0) : 0;

    auto query = connection.prepare(orderedQuery(sortBy, ascending));
    query.bind(1, accountId).bind(2, status).bind(3, limit).bind(4, offset);
    while (query.step())
        page.models.push_back(readSummary(query));
    return page;
}

std::optional<Model> ModelStore::find(Connection &connection, int64_t accountId,
                                      const std::string &modelName)
{
    auto query = connection.prepare("SELECT " MODEL_COLUMNS
                                    " FROM models WHERE account_id = ? AND model_name = ?");
    query.bind(1, accountId).bind(2, modelName);
    if (!query.step())
        return std::nullopt;
    return read(query);
}

} // namespace plexe::sandbox
