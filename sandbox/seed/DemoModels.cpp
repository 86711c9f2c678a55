#include "seed/DemoModels.h"

#include "util/Random.h"

#include <iterator>

namespace plexe::sandbox {

namespace {
struct Template
{
    const char *slug;
    const char *name;
    const char *intent;
    const char *input;
    const char *output;
    const char *tags;
};

// Some display names are non-ASCII or contain markup on purpose: the console must show them
// as plain text.
const Template kTemplates[] = {
    {"churn-predictor", "Churn Predictor", "Predict which customers will cancel next month",
     R"({"tenure_months":"int","monthly_charges":"float","contract_type":"str"})",
     R"({"will_churn":"bool","probability":"float"})", R"(["customers","classification"])"},
    {"fraud-detector", "Fraud Detector", "Flag card transactions that look fraudulent",
     R"({"amount":"float","merchant_category":"str","country":"str","hour":"int"})",
     R"({"is_fraud":"bool","score":"float"})", R"(["payments","risk"])"},
    {"demand-forecast", "Prévision de la demande", "Forecast daily demand per store and product",
     R"({"store_id":"str","product_id":"str","date":"str"})", R"({"units":"float"})",
     R"(["retail","forecasting"])"},
    {"sentiment-classifier", "Sentiment Classifier", "Classify review text as positive or negative",
     R"({"text":"str"})", R"({"sentiment":"str","confidence":"float"})", R"(["nlp"])"},
    {"price-optimizer", "Price Optimizer", "Suggest a price that maximises margin",
     R"({"product_id":"str","competitor_price":"float","stock":"int"})", R"({"price":"float"})",
     R"(["pricing"])"},
    {"lead-scorer", "Lead Scorer", "Score inbound sales leads by likelihood to convert",
     R"({"company_size":"int","industry":"str","visits":"int"})", R"({"score":"float"})",
     R"(["sales","classification"])"},
    {"anomaly-detector", "Anomaly <b>Detector</b>", "Find odd spikes in sensor readings",
     R"({"sensor_id":"str","value":"float","timestamp":"str"})",
     R"({"is_anomaly":"bool","score":"float"})", R"(["iot","monitoring"])"},
    {"credit-risk", "Credit Risk", "Estimate the probability of default of a loan applicant",
     R"({"income":"float","debt":"float","age":"int","employment_years":"int"})",
     R"({"default_probability":"float"})", R"(["finance","risk"])"},
    {"support-router", "Support Router", "Route support tickets to the right team",
     R"({"subject":"str","body":"str"})", R"({"team":"str"})", R"(["nlp","support"])"},
    {"inventory-planner", "Inventory Planner", "Recommend reorder quantities for each warehouse",
     R"({"warehouse_id":"str","product_id":"str","on_hand":"int"})",
     R"({"reorder_quantity":"int"})", R"(["supply-chain"])"},
    {"text-summarizer", "Text Summarizer", "Summarise long documents in three sentences",
     R"({"document":"str"})", R"({"summary":"str"})", R"(["nlp","generation"])"},
    {"house-prices", "House Prices 🏠", "Estimate the sale price of a house",
     R"({"area_m2":"float","rooms":"int","postcode":"str"})", R"({"price":"float"})",
     R"(["real-estate","regression"])"},
};

const char *const kStatuses[] = {"READY",   "BUILDING",   "completed", "DRAFT", "ERROR",
                                 "pending", "processing", "building",  "failed"};

bool isReady(const std::string &status)
{
    return status == "READY" || status == "completed";
}

int progressFor(const std::string &status, int index)
{
    if (isReady(status))
        return 100;
    if (status == "DRAFT" || status == "pending")
        return 0;
    return 15 + (index * 17) % 70;
}
} // namespace

Model DemoModels::make(int index, int64_t accountId, const std::string &createdBy, int64_t now)
{
    const int templates = int(std::size(kTemplates));
    const Template &t = kTemplates[index % templates];
    const int round = index / templates;
    Model m;
    m.accountId = accountId;
    m.modelName = t.slug + (round ? "-" + std::to_string(round + 1) : std::string());
    m.name = t.name + (round ? " " + std::to_string(round + 1) : std::string());
    m.modelVersion = std::to_string(1 + index % 3);
    m.intent = t.intent;
    m.status = kStatuses[index % int(std::size(kStatuses))];
    if (isReady(m.status))
        m.deploymentStatus = index % 2 ? "deployed" : "not_deployed";
    else if (m.status == "ERROR" || m.status == "failed")
        m.deploymentStatus = "failed";
    m.buildProgress = progressFor(m.status, index);
    // Spread over the last weeks, newest last, so both sort orders are visibly different.
    m.createdAt = now - int64_t(40 * 86400) + int64_t(index) * 7919;
    m.updatedAt = m.createdAt + 3600 + (index % 5) * 600;
    m.description = std::string(t.intent) + ". Built from the demo dataset by plexe-sandbox.";
    if (isReady(m.status)) {
        m.endpoint =
            "https://sandbox.plexe.local/models/" + m.modelName + "/" + m.modelVersion + "/predict";
        const int a = 80 + (index * 7) % 19;
        m.metrics = "{\"accuracy\":0." + std::to_string(a) + ",\"f1_score\":0." +
                    std::to_string(a - 3) +
                    ",\"training_rows\":" + std::to_string(10000 + index * 1234) + "}";
    }
    m.inputSchema = t.input;
    m.outputSchema = t.output;
    m.tags = t.tags;
    m.datasetId = index % 4 == 3 ? std::optional<std::string>()
                                 : std::optional<std::string>("ds_" + Random::base62(12));
    m.createdBy = createdBy;
    return m;
}

} // namespace plexe::sandbox
