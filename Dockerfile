# Image for docker-compose.yml: the three services share it; the command picks one.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml ./
COPY shared ./shared
COPY services ./services
RUN pip install --no-cache-dir .
CMD ["frontwatch", "--help"]
