#!/bin/sh
# Crée une nouvelle offre à partir du modèle : scripts/nouvelle-offre.sh nom-du-poste
set -eu
nom="$1"
cp scripts/modele-offre.md "_offres/${nom}.md"
echo "Offre créée : _offres/${nom}.md — complétez les champs entre crochets."
