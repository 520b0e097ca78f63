"""The forms people write for the soft skills and the MLOps skills the eval sets miss most (cross-functional
collaboration, communication, model serving and deployment, model monitoring, feature engineering, and a few more),
each with sentences it must not read.

Every sentence here is invented for the test; the real taxonomy and the real spaCy matcher are used."""

from __future__ import annotations

import pytest

from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.model import Taxonomy
from gapcheck.matching import matcher_for
from gapcheck.reading import read_text

EXPERIENCE = "Ana Ruiz\n\nEXPERIENCE\nNorte Datos - Data Scientist, Jan 2019 - Jan 2022\n"


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def found(line: str, taxonomy: Taxonomy) -> set[str]:
    return {h.skill_id for h in matcher_for(taxonomy).find(read_text(EXPERIENCE + line + "\n"))}


@pytest.mark.parametrize(
    ("line", "skill_id"),
    [
        # another team, named by what it does
        ("- Ran churn experiments together with the billing-ops and product teams.", "cross-functional-collaboration"),
        ("- Worked with the pricing desk on a faster quote engine.", "cross-functional-collaboration"),
        ("- Test questions reviewed monthly with the claims division.", "cross-functional-collaboration"),
        ("- Monthly sync with the fraud operations team on missed cases.", "cross-functional-collaboration"),
        ("- Work with store managers and the logistics team on stock targets.", "cross-functional-collaboration"),
        ("- Pair with the network planners to go through the forecasts.", "cross-functional-collaboration"),
        ("- Fortnightly case reviews with pathologists.", "cross-functional-collaboration"),
        ("- Started the model review with legal and compliance.", "cross-functional-collaboration"),
        ("- Own the analytics roadmap with the Chief Marketing Officer.", "cross-functional-collaboration"),
        ("- Enge Zusammenarbeit mit dem Einkauf und der Logistik.", "cross-functional-collaboration"),
        ("- Trabajo con los equipos de ventas y finanzas.", "cross-functional-collaboration"),
        # communication written as what was done
        ("- Present findings every quarter to the regional directors.", "communication"),
        ("- Wrote up which drivers mattered most, with charts, for a non-technical audience.", "communication"),
        ("- Demoed the ranking prototype to the sales leadership.", "communication"),
        ("- Weekly reports to the product owners on model quality.", "communication"),
        ("- Quarterly board updates on credit risk.", "communication"),
        ("- Good at explaining statistical ideas simply.", "communication"),
        ("- Rewrote the monthly pack in plain English.", "communication"),
        ("- Closing keynote, Lisbon Data Days 2024.", "communication"),
        ("- I give a short talk at the city's Python meetup.", "communication"),
        ("- Presento resultados al comité de dirección cada mes.", "communication"),
        # model serving
        ("- Moved inference from the old VMs to Triton on Kubernetes.", "model-serving"),
        ("- Fine-tuned Mistral 7B and served it with vLLM.", "model-serving"),
        ("- Models packaged with BentoML for the platform.", "model-serving"),
        ("- Deployed the churn classifier as a web service on Azure.", "model-serving"),
        ("- Wrapped the ONNX model in a Go service with a 20 ms budget.", "model-serving"),
        ("- Put the model behind a FastAPI endpoint in Docker.", "model-serving"),
        ("- Trained in Python, deployed as a small gRPC service.", "model-serving"),
        ("- Forecasts served from AWS Lambda behind API Gateway.", "model-serving"),
        ("- Ranker scored in the checkout path at 8,000 requests per second.", "model-serving"),
        # model deployment and monitoring
        ("- Every model change ships behind a canary.", "model-deployment"),
        ("- Streamlit front end for the classifier, deployed on Heroku.", "model-deployment"),
        ("- Live alerts when input distributions drift.", "model-monitoring"),
        ("- Logged errors by region to spot when the model starts to degrade.", "model-monitoring"),
        ("- SLOs for model latency and freshness.", "model-monitoring"),
        ("- Drift and calibration monitoring for 60 production models.", "data-drift"),
        ("- Alerts when the weather-feed drifts from the training range.", "data-drift"),
        # mentoring, testing, language, safety and evaluation written as what was done
        ("- Supervised four MSc thesis students.", "mentoring"),
        ("- Betreuung von drei Werkstudenten.", "mentoring"),
        ("- On-the-job trainer for two new graduates.", "mentoring"),
        ("- A merged pooling layer and its tests.", "software-testing"),
        ("- Turned notebooks into tested Python packages.", "software-testing"),
        ("- Compared a bag-of-words baseline with a fine-tuned BERT.", "nlp"),
        ("- Tokenised and normalised the text of 9,000 reviews.", "nlp"),
        ("- Thesis: Thai word segmentation with CRFs.", "nlp"),
        ("- Swahili tweet sentiment, 2023.", "nlp"),
        ("- Guardrails and human approval for every action that writes.", "responsible-ai"),
        ("- Red-teaming of the assistant before every release.", "responsible-ai"),
        ("- PII redaction before prompts leave the network.", "responsible-ai"),
        ("- NDCG@10 up 4% offline.", "model-evaluation"),
        # feature engineering
        ("- Demand model with lag and holiday features.", "feature-engineering"),
        ("- Click model with hashed features, then field-aware factorization machines.", "feature-engineering"),
        ("- Fraud model on velocity and device features built in SQL.", "feature-engineering"),
        ("- Built the weekly feature tables the churn models train on.", "feature-engineering"),
        ("- Owned the feature library of the risk team.", "feature-engineering"),
        # forms any resume may write for a skill already named: metrics, model names, dashes, verbs after the noun
        ("- Churn model: MAE fell 12% against last year's baseline.", "model-evaluation"),
        ("- Crop segmentation with an IoU of 0.79 on unseen farms.", "model-evaluation"),
        ("- Root mean squared error down by a fifth.", "model-evaluation"),
        ("- Weekly champion–challenger runs on 10% of traffic.", "experimentation"),
        ("- Invoice field tagging with CamemBERT.", "transformers"),
        ("- Receipt parsing with LayoutLMv3.", "transformers"),
        ("- A transformer ranker over the last 50 clicks.", "transformers"),
        ("- Session recommendations with GRU4Rec.", "rnn"),
        ("- Risk scoring at 900 transactions per second.", "model-serving"),
        ("- Quantised the detectors and served them from Kubernetes.", "model-serving"),
        ("- Pricing models that reached production in four countries.", "model-deployment"),
        ("- Migrated every model onto SageMaker endpoints.", "model-deployment"),
        ("- Deployed as a scheduled job in Airflow.", "model-deployment"),
        ("- Shipped a fraud classifier to all markets.", "model-deployment"),
        ("- PagerDuty alerts on prediction and feature distributions.", "model-monitoring"),
        ("- Monthly risk pack for the credit committee.", "communication"),
        ("- A quarterly fairness report goes to the ethics board.", "communication"),
        ("- Reporting on campaign uplift for the sales leadership.", "communication"),
        ("- Demand forecasts on promotion features that we engineered in SQL.", "feature-engineering"),
        ("- Trajectory optimisation for the drone fleet.", "optimization"),
        ("- Lead researcher on the speech recognition project.", "technical-leadership"),
        ("- Retrieval over 2,000 policy PDFs grounding a Llama 3 assistant.", "rag"),
        # the same in the languages the translations cover, where the bullets are written in them
        ("- Modelle als REST-Dienst hinter einem Gateway bereitgestellt.", "model-serving"),
        ("- Drei Modelle auf Kubernetes produktiv gesetzt.", "model-deployment"),
        ("- Desplegué tres modelos de fraude en GKE.", "model-deployment"),
        ("- Implantei o modelo de churn no Databricks.", "model-deployment"),
        ("- Deux modèles en production chez un assureur.", "model-deployment"),
        ("- Ergebnisse der Prognosen wöchentlich dem Vertrieb präsentiert.", "communication"),
        ("- Présenté les résultats au comité de direction.", "communication"),
        ("- Merkmale aus Sensordaten extrahiert.", "feature-engineering"),
        ("- Rohdaten aus 40 Filialen zusammengeführt und bereinigt.", "data-cleaning"),
        ("- Limpié y uní los datos de ventas.", "data-cleaning"),
        ("- Trabajo cada semana con los equipos de operaciones.", "cross-functional-collaboration"),
        ("- Diseñé la arquitectura de la plataforma de ML.", "ml-system-design"),
        ("- Klassifizierung von Kundenanfragen mit BERT.", "classification"),
        ("- Registro de modelos con MLflow.", "model-registry"),
        ("- Drifterkennung für alle Modelle.", "data-drift"),
        ("- Tests unitarios para cada servicio.", "software-testing"),
        ("- Ejerzo de mentora de tres analistas.", "mentoring"),
        ("- Klassifikatoren für Fehlerbilder trainiert.", "classification"),
        ("- Deployment auf Raspberry Pi in 12 Filialen.", "model-deployment"),
        ("- Überwachung der Modellleistung mit Grafana.", "model-monitoring"),
        # deployment, drift, cleaning, model families and leadership in the words of their own kind of work
        ("- Deployed to 30 robot cells at the plant.", "model-deployment"),
        ("- Putting forecasting models into products used by planners.", "model-deployment"),
        ("- A fairness check for every model we release.", "model-deployment"),
        ("- Shipped behind the booking API in March.", "model-deployment"),
        ("- Deployed as a gRPC microservice on GKE.", "model-deployment"),
        ("- Alerts when shifts in the input distribution pass a threshold.", "data-drift"),
        ("- Weather model built on recurrent networks.", "rnn"),
        ("- A transformer from Hugging Face, fine-tuned on claims.", "transformers"),
        ("- Sequential recommendations with SASRec.", "transformers"),
        ("- Whisper transcripts of 800 hours of calls.", "transformers"),
        ("- A neural ranking model for job search.", "neural-networks"),
        ("- Demand model with session and weather features.", "feature-engineering"),
        ("- Cleaned 40k product reviews before labelling.", "data-cleaning"),
        ("- Scraped listings, cleaned in pandas.", "data-cleaning"),
        ("- De-duplicated 2M customer records.", "data-cleaning"),
        ("- Label cleaning with two annotators.", "data-cleaning"),
        ("- The wake-word model runs on a DSP in the headset.", "edge-ai"),
        ("- Reviews on GitHub for every change.", "code-review"),
        ("- Review the analysts' Python code weekly.", "code-review"),
        ("- Led the data science working group of the hospital network.", "technical-leadership"),
        ("- Technical direction for search across four teams.", "technical-leadership"),
        ("- L2-regularised logistic regression for churn.", "regularization"),
        ("- A penalized linear model on 300 features.", "regularization"),
        ("- Compared lasso and ridge on the pricing data.", "regularization"),
        ("- Public demo on Hugging Face Spaces.", "model-serving"),
        ("- A Gradio demo of the captioning model.", "model-serving"),
        ("- Languages and tools: Python, API, Docker", "api-development"),
        ("- Trained 4 freshers on Spark and Airflow.", "mentoring"),
        ("- Every model version lives in the SageMaker registry.", "model-registry"),
        ("- Checks that stop the load when null counts jump.", "data-validation"),
        ("- Validated customer records from the CRM exports.", "data-validation"),
        ("- Fine-tuned a detector on 12,000 photos of shelves.", "computer-vision"),
        ("- Prompted Claude models to draft the summaries.", "prompt-engineering"),
        ("- Wrote the design review every new fraud model goes through.", "ml-system-design"),
        ("- Own the ML architecture of the search stack.", "ml-system-design"),
        ("- Wrote the reference architecture for real-time inference.", "ml-system-design"),
        ("- Feature store jobs on SageMaker Processing.", "aws"),
        ("- A cross-validated ridge model for prices.", "cross-validation"),
        ("- Pretraining on 256 A100 GPUs.", "distributed-training"),
        ("- Simulation rollouts across 4 GPU nodes.", "distributed-training"),
        ("- Automated model retraining and deployment with Airflow.", "model-deployment"),
        ("- Early stopping on the validation loss.", "regularization"),
        ("- Worked with the data engineers to productionize three models.", "model-deployment"),
        ("- Ran weekly stakeholder demos of the forecasting tool.", "communication"),
        ("- Support bot built on function calling.", "ai-agents"),
        ("- Quantized the detector to INT8 for mobile deployment.", "edge-ai"),
        ("- Improved recall by 15% with hard negatives.", "model-evaluation"),
        ("- Precision up from 0.71 to 0.80 at the same coverage.", "model-evaluation"),
        ("- Built evaluation harnesses for the LLM outputs.", "model-evaluation"),
        ("- Cut false positives by 30% on the fraud model.", "model-evaluation"),
        ("- A Bayesian hierarchical model of store demand.", "statistics"),
    ],
)
def test_a_form_people_write_shows_the_skill(line: str, skill_id: str, taxonomy: Taxonomy) -> None:
    assert skill_id in found(line, taxonomy)


@pytest.mark.parametrize(
    ("line", "skill_id"),
    [
        # one's own team, or help from it
        ("- Shipped the release with the backend team.", "cross-functional-collaboration"),
        ("- Built the service with my team of four.", "cross-functional-collaboration"),
        ("- Finished the migration with the help of the team.", "cross-functional-collaboration"),
        ("- Worked with a partner team on a one-off migration.", "cross-functional-collaboration"),
        ("- Interviewed candidates with hiring managers.", "cross-functional-collaboration"),
        # presenting or reporting that is no communication skill
        ("- Software that reports to the monitoring server every minute.", "communication"),
        ("- Monthly sales reports for 120 stores in Power BI.", "communication"),
        ("- Demonstrated ability to lead teams under pressure.", "communication"),
        ("- Exported the results in plain text files.", "communication"),
        # an API alone is API development, a service no software is no serving
        ("- Deployed the model behind a Flask API.", "model-serving"),
        ("- Deployed the chatbot model in customer service.", "model-serving"),
        ("- Wrote Triton kernels for fused attention.", "model-serving"),
        ("- Served on the programme committee of a workshop.", "model-serving"),
        ("- Deployed 25 services to production weekly.", "model-deployment"),
        ("- Deployed the web shop on Heroku.", "model-deployment"),
        ("- Fitted classifier outputs for the rare decay search.", "model-monitoring"),
        ("- Alerts on disk usage for the build servers.", "model-monitoring"),
        ("- The car drifted on the wet road in the rally video.", "data-drift"),
        ("- Taught supervised learning to 180 students.", "mentoring"),
        ("- Supervised learning models for students' grades.", "mentoring"),
        ("- Ran the pricing change with A/B tests.", "software-testing"),
        ("- Tokenized card numbers for PCI compliance.", "nlp"),
        ("- A/B tests with guardrail metrics on retention.", "responsible-ai"),
        ("- Set the experimentation guardrails for launches.", "responsible-ai"),
        # features of a product, and someone else's features used
        ("- Shipped the batch export and text search features of the app.", "feature-engineering"),
        ("- Set up a Feast feature store for the platform.", "feature-engineering"),
        ("- Product features that we built for the mobile app.", "feature-engineering"),
        ("- Built the search and export features of the app.", "feature-engineering"),
        ("- Built LLM features for the support desk.", "feature-engineering"),
        ("- Pretrained the vision foundation model for the camera team.", "llm"),
        ("- Set up experiment tracking with MLflow.", "experimentation"),
        ("- Used data augmentation to reduce overfitting.", "regularization"),
        ("- Call-centre tool call volume reports.", "ai-agents"),
        ("- Improved the accuracy of the monthly invoices.", "model-evaluation"),
        ("- Hierarchical clustering of the customers.", "statistics"),
        # a name in capitals, an org chart, a consultant, a framework move, a ledger's load, a retrieval job
        ("- ROBERT NOWAK", "transformers"),
        ("- Reporting to the CTO, ran a team of four analysts.", "communication"),
        ("- Deployed as a consultant to a retail client.", "model-deployment"),
        ("- Migrated the models from TensorFlow to PyTorch.", "model-deployment"),
        ("- Shipped the new onboarding flow to all markets.", "model-deployment"),
        ("- Alerts for late deliveries by region.", "model-monitoring"),
        ("- Processed 5,000 payment transactions per second in the ledger service.", "model-serving"),
        ("- Retrieval of archived records for the LLM team.", "rag"),
        ("- Trabajo con mi equipo de backend.", "cross-functional-collaboration"),
        ("- Daten aus dem CRM exportiert.", "data-cleaning"),
        ("- Deployed the web app to 3,000 stores.", "model-deployment"),
        ("- Put the product roadmap into slides.", "model-deployment"),
        ("- Reviewed the quarterly roadmap with the CTO.", "code-review"),
        ("- Shifts in the rota for the night team.", "data-drift"),
        ("- Led the reading group on causal inference.", "technical-leadership"),
        ("- Technical direction of the school play.", "technical-leadership"),
        ("- Pulled events from API Gateway logs.", "api-development"),
        ("- Checked the seating charts row by row.", "data-validation"),
        ("- Validated the model on held-out customer data.", "data-validation"),
        ("- Photos of the team offsite on the company blog.", "computer-vision"),
        ("- Prompted the board to approve a budget.", "prompt-engineering"),
        ("- Ridge and valley hiking club.", "regularization"),
        ("- Our models went through review by the risk team.", "model-deployment"),
        ("- Every model change goes through a model-risk committee.", "model-deployment"),
        ("- A workstation with 2 GPUs for the course.", "distributed-training"),
        ("- Reference architecture diagrams for the office network.", "ml-system-design"),
    ],
)
def test_a_look_alike_does_not_show_the_skill(line: str, skill_id: str, taxonomy: Taxonomy) -> None:
    assert skill_id not in found(line, taxonomy)


def test_a_shared_stem_tail_with_its_own_object_names_no_skill(taxonomy: Taxonomy) -> None:
    # the invoices are validated, not data
    assert "data-validation" not in found("- Data cleaning, validation of invoices and payments.", taxonomy)
    assert "data-validation" in found("- Data cleaning, validation of data feeds from the stores.", taxonomy)
    assert {"data-cleaning", "data-validation"} <= found("- Data cleaning, validation and loading.", taxonomy)
    assert "model-monitoring" in found("- Owned model deployment and monitoring of model drift.", taxonomy)
    # an object that is a word of a skill the tail's skill is implied by keeps it: Data drift implies Model monitoring
    assert "model-monitoring" in found("- Owned model deployment and monitoring of drift.", taxonomy)
    assert "model-monitoring" not in found("- Owned model deployment and monitoring of invoices.", taxonomy)
