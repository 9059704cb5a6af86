-- Run once by the postgres image on an empty volume: notify-service's own database.
CREATE DATABASE notify OWNER bioalert;
